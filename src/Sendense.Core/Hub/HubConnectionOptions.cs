using System.Security;

namespace Sendense.Core.Hub;

/// <summary>What Connect-SendenseHub was asked to connect to. The password stays a SecureString.</summary>
public sealed class HubConnectionOptions
{
    /// <summary>The appliance's database name.</summary>
    public const string DefaultDatabase = "migratekit_oma";

    /// <summary>MariaDB's default port.</summary>
    public const int DefaultPort = 3306;

    /// <summary>Host name or address of the hub's MariaDB server.</summary>
    public string Server { get; set; } = "localhost";

    /// <summary>TCP port.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Database (schema) name.</summary>
    public string Database { get; set; } = DefaultDatabase;

    /// <summary>Database user.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>Database password; never turned into a string except inside the driver's password callback.</summary>
    public SecureString? Password { get; set; }

    /// <summary>TLS use.</summary>
    public HubTlsMode TlsMode { get; set; } = HubTlsMode.Preferred;

    /// <summary>
    /// A MariaDB/MySQL connection string that, when set, replaces Server/Port/Database/UserName; a password in it is
    /// moved into <see cref="Password"/> and removed from the kept string.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seconds to wait for the server to accept a connection.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 15;
}
