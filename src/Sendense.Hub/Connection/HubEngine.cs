using System.Security;
using MySqlConnector;
using Sendense.Core.Hub;

namespace Sendense.Hub.Connection;

/// <summary>Opens and checks hub connections; the entry point the Connect-SendenseHub cmdlet calls.</summary>
public static class HubEngine
{
    /// <summary>
    /// Builds a session from the options, opens one connection to prove the server, credentials and database,
    /// and returns the public connection object.
    /// </summary>
    public static async Task<HubConnection> ConnectAsync(HubConnectionOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        (MySqlConnectionStringBuilder builder, SecureString? password) = BuildConnectionString(options);
        var session = new HubSession(builder.ConnectionString, password);
        password?.Dispose();
        try
        {
            using MySqlConnection connection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return HubConnection.Create(session, builder.Server, (int)builder.Port, builder.Database, builder.UserID,
                DisplayVersion(connection.ServerVersion), options.TlsMode);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            session.Dispose();
            throw HubErrors.FromConnect(exception, builder);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The engine session behind a public connection, checked to be open.</summary>
    internal static HubSession SessionOf(HubConnection hub)
    {
        if (hub is null)
        {
            throw new ArgumentNullException(nameof(hub));
        }

        hub.EnsureOpen();
        return (HubSession)hub.Session;
    }

    internal static (MySqlConnectionStringBuilder Builder, SecureString? Password) BuildConnectionString(HubConnectionOptions options)
    {
        MySqlConnectionStringBuilder builder;
        SecureString? password = options.Password?.Copy();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                builder = new MySqlConnectionStringBuilder(options.ConnectionString!);
            }
            catch (ArgumentException exception)
            {
                // The driver's message may quote the string; do not pass it on, it can hold a password.
                throw new SendenseException(SendenseErrorCode.HubInvalidOption,
                    "The connection string is not valid: " + ConnectionStringProblem.Describe(options.ConnectionString!, exception) +
                    " Use key=value pairs such as 'Server=hub01;Database=migratekit_oma;User ID=oma_user'.", null);
            }

            if (!string.IsNullOrEmpty(builder.Password))
            {
                password?.Dispose();
                password = ToSecureString(builder.Password);
                builder.Password = string.Empty;
            }

            if (string.IsNullOrEmpty(builder.Database))
            {
                builder.Database = HubConnectionOptions.DefaultDatabase;
            }
        }
        else
        {
            if (options.Port is < 1 or > 65535)
            {
                throw new SendenseException(SendenseErrorCode.HubInvalidOption,
                    $"Port {options.Port} is out of range. Give a TCP port between 1 and 65535 (MariaDB listens on 3306).");
            }

            builder = new MySqlConnectionStringBuilder
            {
                Server = options.Server,
                Port = (uint)options.Port,
                Database = options.Database,
                UserID = options.UserName,
                SslMode = ToSslMode(options.TlsMode),
            };
        }

        // The hub writes local server time (no time_zone set upstream); keep the driver from converting values.
        builder.ConnectionTimeout = (uint)Math.Max(1, options.ConnectTimeoutSeconds);
        builder.AllowUserVariables = true;
        builder.CharacterSet = "utf8mb4";
        builder.Pooling = true;
        builder.ApplicationName = "Sendense.PowerShell";
        return (builder, password);
    }

    // MariaDB prefixes its version with "5.5.5-" for old MySQL clients; users want the real one.
    private static string DisplayVersion(string version) =>
        version.StartsWith("5.5.5-", StringComparison.Ordinal) ? version.Substring(6) : version;

    private static MySqlSslMode ToSslMode(HubTlsMode mode) => mode switch
    {
        HubTlsMode.None => MySqlSslMode.None,
        HubTlsMode.Required => MySqlSslMode.Required,
        HubTlsMode.VerifyCA => MySqlSslMode.VerifyCA,
        HubTlsMode.VerifyFull => MySqlSslMode.VerifyFull,
        _ => MySqlSslMode.Preferred,
    };

    private static SecureString ToSecureString(string value)
    {
        var secure = new SecureString();
        foreach (char c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
