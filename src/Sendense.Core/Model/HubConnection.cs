using Sendense.Core.Hub;

namespace Sendense;

/// <summary>
/// A connection to a Sendense hub database, returned by Connect-SendenseHub and kept in $global:DefaultSendenseHub.
/// Every data cmdlet takes one through -Hub, so runbooks and runspaces can hold several. It carries no password.
/// </summary>
public sealed class HubConnection
{
    internal HubConnection(IHubSession session, string server, int port, string database, string userName,
        string serverVersion, HubTlsMode tlsMode, DateTime connectedAt)
    {
        Session = session;
        Server = server;
        Port = port;
        Database = database;
        UserName = userName;
        ServerVersion = serverVersion;
        TlsMode = tlsMode;
        ConnectedAt = connectedAt;
    }

    /// <summary>Host name or address of the MariaDB server.</summary>
    public string Server { get; }

    /// <summary>TCP port.</summary>
    public int Port { get; }

    /// <summary>Database name.</summary>
    public string Database { get; }

    /// <summary>Database user.</summary>
    public string UserName { get; }

    /// <summary>The server's version string, e.g. 10.11.19-MariaDB.</summary>
    public string ServerVersion { get; }

    /// <summary>TLS use of the connection.</summary>
    public HubTlsMode TlsMode { get; }

    /// <summary>When the connection was opened (local time).</summary>
    public DateTime ConnectedAt { get; }

    /// <summary>
    /// False after Disconnect-SendenseHub, and while the server cannot be reached (the last command could not open a
    /// connection, or lost it). The connection is not given up: the next command tries again, and IsConnected is True
    /// once the server answers.
    /// </summary>
    public bool IsConnected => !Session.IsClosed && !Session.IsUnreachable;

    /// <summary>Not closed by Disconnect-SendenseHub (the server may still be unreachable for now).</summary>
    internal bool IsOpen => !Session.IsClosed;

    /// <summary>The engine session; internal so that scripts never see driver objects.</summary>
    internal IHubSession Session { get; }

    /// <summary>Throws a clear error when the connection was closed.</summary>
    internal void EnsureOpen()
    {
        if (Session.IsClosed)
        {
            throw new SendenseException(SendenseErrorCode.HubConnectionClosed,
                $"The hub connection to {this} was closed by Disconnect-SendenseHub. Run Connect-SendenseHub again.");
        }
    }

    /// <summary>Creates the public object for an engine session (called by the engine).</summary>
    internal static HubConnection Create(IHubSession session, string server, int port, string database,
        string userName, string serverVersion, HubTlsMode tlsMode) =>
        new HubConnection(session, server, port, database, userName, serverVersion, tlsMode, DateTime.Now);

    /// <inheritdoc />
    public override string ToString() => $"{UserName}@{Server}:{Port}/{Database}";
}
