using MySqlConnector;
using Sendense.Core.VMs;
using Sendense.Hub.Connection;

namespace Sendense.Hub.VMs;

/// <summary>
/// The store side of one Add-SendenseVM run: two pooled connections (look-ahead reads on one, writes and the re-reads
/// of a batch that lost a race on the other), the database clock read once and advanced by a stopwatch, the newest
/// active OSSEA config every new row records, . The decisions and
/// the retry, re-plan and split rules are in Sendense.Core (VMBatchWriter); here is only SQL.
/// </summary>
internal sealed class VMAddSession : IVMAddSession
{
    private const int CommandTimeoutSeconds = 300;

    /// <summary>
    /// How long one statement of a batch waits for a row lock (innodb_lock_wait_timeout, 50 s by default on the
    /// server): short, so that each wait is said in -Verbose and the total wait stays within the bound the use case
    /// keeps (RetryPolicy.HubLockWait, D5).
    /// </summary>
    internal const int LockWaitSeconds = 10;

    private MySqlConnection _write;
    private readonly MySqlConnection _lookAhead;
    private readonly string _hub;
    private readonly DateTime _openedAt;
    private readonly System.Diagnostics.Stopwatch _sinceOpen = System.Diagnostics.Stopwatch.StartNew();
    private readonly long _osseaConfigId;
    private readonly HubSession _session;

    private VMAddSession(HubSession session, MySqlConnection write, MySqlConnection lookAhead, string hub, DateTime databaseNow, long osseaConfigId)
    {
        _session = session;
        _write = write;
        _lookAhead = lookAhead;
        _hub = hub;
        _openedAt = databaseNow;
        _osseaConfigId = osseaConfigId;
    }

    /// <inheritdoc />
    public DateTime DatabaseNow => _openedAt + _sinceOpen.Elapsed;

    /// <summary>Opens both connections at once and reads the run's facts; checks the credential the rows record.</summary>
    internal static async Task<VMAddSession> OpenAsync(HubConnection hub, int? credentialId, CancellationToken cancellationToken)
    {
        HubSession session = HubEngine.SessionOf(hub);
        string description = hub.ToString();
        MySqlConnection? write = null;
        MySqlConnection? lookAhead = null;
        try
        {
            Task<MySqlConnection> opening = session.OpenConnectionAsync(cancellationToken);
            try
            {
                lookAhead = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Whatever happens, the first connection is owned (and disposed) here.
                write = await opening.ConfigureAwait(false);
            }

            using var command = new MySqlCommand(VMAddSql.Open, write);
            command.Parameters.AddWithValue("@credential", credentialId.HasValue ? credentialId.Value : DBNull.Value);
            using MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            DateTime now = reader.GetDateTime(0);
            long ossea = reader.IsDBNull(1) ? 0 : Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            object credentialState = reader.GetValue(2);
            if (credentialId.HasValue)
            {
                CheckCredential(credentialId.Value, credentialState, description);
            }

            var run = new VMAddSession(session, write, lookAhead, description, now, ossea);
            write = null;
            lookAhead = null;
            return run;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not SendenseException)
        {
            throw HubErrors.FromRead(exception, "preparing to add VMs", description);
        }
        finally
        {
            write?.Dispose();
            lookAhead?.Dispose();
        }
    }

    /// <inheritdoc />
    public async Task<VMAddFacts> ReadFactsAsync(IReadOnlyList<VMAddCandidate> batch, VMAddLane lane, CancellationToken cancellationToken)
    {
        MySqlConnection connection = lane == VMAddLane.LookAhead ? _lookAhead : _write;
        try
        {
            return await VMAddFactsReader.ReadAsync(connection, batch, DatabaseNow, CommandTimeoutSeconds, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Cancelled or failed inside its snapshot transaction: end it, so the pooled connection holds nothing open.
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
            if (exception is OperationCanceledException or SendenseException)
            {
                throw;
            }

            throw _session.Noted(HubErrors.FromRead(exception, $"reading what the hub knows about {batch.Count} VMs", _hub));
        }
    }

    /// <inheritdoc />
    public VMAddWrite Prepare(IReadOnlyList<VMAddDecision> decisions)
    {
        DateTime now = DatabaseNow;
        DateTime writtenAt = VMOutcomeBuilder.WholeSeconds(now);
        return decisions.Any(d => d.Writes)
            ? new VMAddWrite(decisions, VMAddStatement.Build(decisions, now, _osseaConfigId), writtenAt)
            : new VMAddWrite(decisions, null, writtenAt);
    }

    /// <inheritdoc />
    public async Task WriteAsync(VMAddWrite write, CancellationToken cancellationToken)
    {
        if (write.Statement is not MySqlCommand command)
        {
            return;
        }

        try
        {
            command.Connection = _write;
            command.CommandTimeout = CommandTimeoutSeconds;
            if (!command.CommandText.StartsWith("SET SESSION innodb_lock_wait_timeout", StringComparison.Ordinal))
            {
                command.CommandText = "SET SESSION innodb_lock_wait_timeout = " + LockWaitSeconds.ToString(CultureInfo.InvariantCulture) + ";\n" + command.CommandText;
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Stopped (Ctrl+C) or refused mid-transaction: roll back before the connection goes back to the pool, so no
            // half-written batch holds locks until the pool resets it. (A lost connection: the server did.)
            await RollbackQuietlyAsync(_write).ConfigureAwait(false);
            if (exception is MySqlException mysql && WriteErrors.RejectionOf(mysql) is VMWriteRejection rejection)
            {
                throw new VMWriteRejectedException(rejection, mysql.Message, mysql);
            }

            if (exception is MySqlException lost && HubErrors.IsConnectionLost(lost) && !cancellationToken.IsCancellationRequested
                && await ReopenWriteAsync(cancellationToken).ConfigureAwait(false))
            {
                // The server rolled back whatever it had not committed; the caller re-plans from what it did commit.
                throw new VMWriteRejectedException(VMWriteRejection.ConnectionLost, lost.Message, lost);
            }

            if (exception is OperationCanceledException or SendenseException)
            {
                throw;
            }

            throw _session.Noted(HubErrors.FromQuery(exception, $"adding {write.Decisions.Count(d => d.Writes)} VMs", _hub, unit: "batch"));
        }
        finally
        {
            command.Dispose();
        }
    }

    // A new write connection after a lost one; false when the hub cannot be reached (the loss is then reported as such).
    private async Task<bool> ReopenWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            MySqlConnection fresh = await _session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            MySqlConnection old = _write;
            _write = fresh;
            old.Dispose();
            return true;
        }
        catch (Exception exception) when (exception is MySqlException or SendenseException or System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _write.Dispose();
        _lookAhead.Dispose();
    }

    private static async Task RollbackQuietlyAsync(MySqlConnection connection)
    {
        try
        {
            using var rollback = new MySqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MySqlException or InvalidOperationException or ObjectDisposedException or System.IO.IOException)
        {
            // The connection is gone: the server has rolled the transaction back itself.
        }
    }

    private static void CheckCredential(int credentialId, object state, string hub)
    {
        if (state is DBNull)
        {
            throw new SendenseException(SendenseErrorCode.VMCredentialUnusable,
                $"The hub {hub} has no stored vCenter credential with id {credentialId}. Pick one from Get-SendenseVCenterCredential.");
        }

        if (Convert.ToInt32(state, CultureInfo.InvariantCulture) == 0)
        {
            throw new SendenseException(SendenseErrorCode.VMCredentialUnusable,
                $"The stored vCenter credential {credentialId} on {hub} is disabled (is_active = 0); the hub would not use it. Enable it or pick another one.");
        }
    }
}
