using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;
using Sendense.Core.Hub;

namespace Sendense.Hub.Connection;

/// <summary>
/// One hub database the module talks to: a connection string without the password, plus the password as a
/// SecureString that is handed to MySqlConnector only when it opens a physical connection. Connections are pooled
/// by MySqlConnector; each operation opens one, uses it, and returns it to the pool.
/// </summary>
internal sealed class HubSession : IHubSession
{
    private readonly SecureString? _password;
    private int _closed;

    internal HubSession(string connectionStringWithoutPassword, SecureString? password)
    {
        ConnectionString = connectionStringWithoutPassword;
        _password = password?.Copy();
        _password?.MakeReadOnly();
    }

    /// <summary>The connection string, never with a password in it.</summary>
    internal string ConnectionString { get; }

    /// <inheritdoc />
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Opens a pooled connection. Errors surface as MySqlException for the caller to classify.</summary>
    internal async Task<MySqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (IsClosed)
        {
            throw new ObjectDisposedException(nameof(HubSession), "The hub connection was closed.");
        }

        var connection = new MySqlConnection(ConnectionString);
        if (_password is not null)
        {
            connection.ProvidePasswordCallback = _ => Reveal(_password);
        }

        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            using (var connection = new MySqlConnection(ConnectionString))
            {
                MySqlConnection.ClearPool(connection);
            }

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
