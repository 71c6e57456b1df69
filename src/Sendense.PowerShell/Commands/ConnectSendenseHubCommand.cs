using Sendense.Core.Hub;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Connects to a Sendense hub database.</para>
/// <para type="description">Opens and checks a connection to the hub's MariaDB database, returns it and makes it the
/// default for every Sendense cmdlet ($global:DefaultSendenseHub) unless -NotDefault is given.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "SendenseHub", DefaultParameterSetName = ServerSet)]
[OutputType(typeof(HubConnection))]
public sealed class ConnectSendenseHubCommand : SendenseCmdlet
{
    private const string ServerSet = "Server";
    private const string ConnectionStringSet = "ConnectionString";

    /// <summary>Host name or address of the hub's MariaDB server.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ServerSet)]
    [ValidateNotNullOrEmpty]
    [Alias("ComputerName", "HostName")]
    public string Server { get; set; } = string.Empty;

    /// <summary>TCP port (3306 by default).</summary>
    [Parameter(ParameterSetName = ServerSet)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = HubConnectionOptions.DefaultPort;

    /// <summary>Database name (the appliance's migratekit_oma by default).</summary>
    [Parameter(ParameterSetName = ServerSet)]
    [ValidateNotNullOrEmpty]
    public string Database { get; set; } = HubConnectionOptions.DefaultDatabase;

    /// <summary>Database user and password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ServerSet)]
    [Parameter(ParameterSetName = ConnectionStringSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    /// <summary>How TLS is used: Preferred (default), None, Required, VerifyCA, VerifyFull.</summary>
    [Parameter(ParameterSetName = ServerSet)]
    public HubTlsMode TlsMode { get; set; } = HubTlsMode.Preferred;

    /// <summary>A complete MariaDB connection string; a password in it is kept only as a SecureString.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ConnectionStringSet)]
    [ValidateNotNullOrEmpty]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Seconds to wait for the server (15 by default).</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int ConnectTimeout { get; set; } = 15;

    /// <summary>Returns the connection without making it the default.</summary>
    [Parameter]
    public SwitchParameter NotDefault { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var options = new HubConnectionOptions
        {
            Server = Server,
            Port = Port,
            Database = Database,
            TlsMode = TlsMode,
            ConnectTimeoutSeconds = ConnectTimeout,
        };

        if (ParameterSetName == ConnectionStringSet)
        {
            options.ConnectionString = ConnectionString;
        }

        if (Credential != PSCredential.Empty)
        {
            options.UserName = Credential.UserName;
            options.Password = Credential.Password;
        }

        HubConnection hub = Run((observer, token) => Services.Connector().ConnectAsync(options, observer, token),
            ParameterSetName == ServerSet ? Server : "ConnectionString");
        if (hub is null)
        {
            return; // reported already
        }

        if (ParameterSetName == ConnectionStringSet && Credential != PSCredential.Empty)
        {
            WriteVerbose($"Connected as {Credential.UserName}; the credential overrides any user in the connection string.");
        }

        if (!NotDefault.IsPresent)
        {
            HubSessionState.SetDefault(SessionState, hub);
        }

        WriteObject(hub);
    }
}
