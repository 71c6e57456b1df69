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
    private int _unreachable;

    // Whether the server's sql_mode has NO_BACKSLASH_ESCAPES: 0 not known yet, 1 no, 2 yes. MySqlConnector (2.6) escapes
    // parameter values with backslashes whatever the mode, so on such a server "DOMAIN\user" would be stored with a
    // doubled backslash. Every connection of such a server clears the flag for its own session first.
    private int _backslashMode;

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

    /// <inheritdoc />
    public bool IsUnreachable => Volatile.Read(ref _unreachable) != 0;

    /// <summary>Passes <paramref name="error"/> on, first recording when it says the server went away mid-command.</summary>
    internal SendenseException Noted(SendenseException error)
    {
        if (error.Code == SendenseErrorCode.HubUnreachable)
        {
            MarkUnreachable();
        }

        return error;
    }

    private void MarkUnreachable() => Volatile.Write(ref _unreachable, 1);

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
            await EscapeModeAsync(connection, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _unreachable, 0);
            return connection;
        }
        catch (Exception exception)
        {
            connection.Dispose();
            if (!cancellationToken.IsCancellationRequested && IsReachabilityFailure(exception))
            {
                MarkUnreachable();
            }

            throw;
        }
    }

    // A refused login or a missing database is an answer from the server: it is reachable.
    private static bool IsReachabilityFailure(Exception exception) =>
        exception is not MySqlException mysql || Common.HubErrors.IsConnectionLost(mysql) || mysql.ErrorCode == MySqlErrorCode.None;

    private async Task EscapeModeAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _backslashMode) == 0)
        {
            using var check = new MySqlCommand("SELECT @@SESSION.sql_mode LIKE '%NO_BACKSLASH_ESCAPES%'", connection);
            bool set = Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) != 0;
            Volatile.Write(ref _backslashMode, set ? 2 : 1);
        }

        if (Volatile.Read(ref _backslashMode) == 2)
        {
            using var reset = new MySqlCommand("SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')", connection);
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
