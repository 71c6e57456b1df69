using System.Runtime.InteropServices;
using System.Security;
using MySqlConnector;
using Sendense.Core.Hub;

namespace Sendense.Hub.Connection;

/// <summary>
/// One hub database the module talks to: a connection string without the password, plus the password as a
/// SecureString that is handed to MySqlConnector only when it opens a physical connection.
/// <para>
/// Each session owns its own connection pool (a MySqlDataSource). MySqlConnector's shared pools are keyed by the
/// connection string, which here carries no password: two sessions for the same server, user and database would
/// share one pool, and a Connect-SendenseHub with a wrong password would be handed a connection another session had
/// authenticated. A private pool per session makes every session prove its own password, and lets Disconnect
/// close exactly its own connections.
/// </para>
/// </summary>
internal sealed class HubSession : IHubSession
{
    private readonly SecureString? _password;
    private readonly MySqlDataSource _dataSource;
    private int _closed;

    internal HubSession(string connectionStringWithoutPassword, SecureString? password)
    {
        ConnectionString = connectionStringWithoutPassword;
        _password = password?.Copy();
        _password?.MakeReadOnly();
        _dataSource = new MySqlDataSource(connectionStringWithoutPassword);
    }

    /// <summary>The connection string, never with a password in it.</summary>
    internal string ConnectionString { get; }

    /// <inheritdoc />
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Opens a connection from the session's pool. Errors surface as MySqlException for the caller to classify.</summary>
    internal async Task<MySqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (IsClosed)
        {
            throw new ObjectDisposedException(nameof(HubSession), "The hub connection was closed.");
        }

        MySqlConnection connection = _dataSource.CreateConnection();
        if (_password is not null)
        {
            SecureString password = _password;
            connection.ProvidePasswordCallback = _ => Reveal(password);
        }

        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            // Closes the idle connections of this session's pool; nothing of other sessions is touched.
            _dataSource.Dispose();
            _password?.Dispose();
        }
    }

    // The only place the password becomes a string: MySqlConnector asks for it while authenticating.
    private static string Reveal(SecureString secret)
    {
        IntPtr pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
