using MySqlConnector;
using Sendense.Hub.Connection;

namespace Sendense.Hub.Common;

/// <summary>
/// The one way a store talks to the hub: open a pooled connection, run the work, and turn any driver failure into a
/// SendenseException that names the hub and the action (<see cref="HubErrors.FromQuery"/>). A SendenseException the
/// work throws itself passes unchanged; a cancellation the caller asked for stays a cancellation.
/// </summary>
internal static class HubQuery
{
    /// <summary>Runs <paramref name="work"/>, which writes, on a connection of <paramref name="hub"/>; <paramref name="action"/> says what it does ("adding 12 VMs").</summary>
    internal static Task<T> RunAsync<T>(HubConnection hub, string action, Func<MySqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(hub, action, work, (exception, what, where) => HubErrors.FromQuery(exception, what, where), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/>, which only reads: its failures do not talk about what was or was not written,
    /// which would only worry the admin.
    /// </summary>
    internal static Task<T> ReadAsync<T>(HubConnection hub, string action, Func<MySqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(hub, action, work, HubErrors.FromRead, cancellationToken);

    private static async Task<T> RunAsync<T>(HubConnection hub, string action, Func<MySqlConnection, Task<T>> work,
        Func<Exception, string, string, SendenseException> classify, CancellationToken cancellationToken)
    {
        HubSession session = HubEngine.SessionOf(hub);
        try
        {
            using MySqlConnection connection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not SendenseException)
        {
            throw session.Noted(classify(exception, action, hub.ToString()));
        }
    }

    /// <summary>
    /// Opens a connection and runs <paramref name="work"/> in one transaction: committed when it returns, rolled back
    /// when anything fails (a rule the work enforces by throwing included), so it lands whole or not at all.
    /// </summary>
    internal static Task<T> InTransactionAsync<T>(HubConnection hub, string action, Func<MySqlConnection, MySqlTransaction, Task<T>> work,
        CancellationToken cancellationToken) =>
        RunAsync(hub, action, connection => InTransactionAsync(connection, transaction => work(connection, transaction), cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a transaction that commits when it returns and rolls back on any failure.</summary>
    internal static async Task<T> InTransactionAsync<T>(MySqlConnection connection, Func<MySqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        MySqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            T result = await work(transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch
        {
            Quietly(transaction, rollback: true);
            throw;
        }
        finally
        {
            Quietly(transaction, rollback: false);
        }
    }

    // The first failure is the one to report: a rollback (or dispose) on a dead connection fails too, and the server
    // has already rolled the transaction back when it lost the session.
    private static void Quietly(MySqlTransaction transaction, bool rollback)
    {
        try
        {
            if (!rollback)
            {
                transaction.Dispose();
            }
            else if (transaction.Connection is { State: System.Data.ConnectionState.Open })
            {
                transaction.Rollback();
            }
        }
        catch (Exception exception) when (exception is MySqlException or InvalidOperationException or System.IO.IOException or ObjectDisposedException)
        {
        }
    }
}
