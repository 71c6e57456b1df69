using MySqlConnector;
using Sendense.Hub.Connection;

namespace Sendense.Hub.Common;

/// <summary>
/// The one way a store talks to the hub: open a pooled connection, run the work (in a transaction when it writes
/// more than one statement), and turn driver failures into SendenseExceptions that name the hub and the action.
/// </summary>
internal static class HubQuery
{
    /// <summary>Runs <paramref name="work"/> on an open connection; <paramref name="action"/> ("adding vCenter credential 'x'") goes into error messages.</summary>
    internal static async Task<T> RunAsync<T>(HubConnection hub, string action, Func<MySqlConnection, Task<T>> work, CancellationToken ct)
    {
        HubSession session = HubEngine.SessionOf(hub);
        try
        {
            using MySqlConnection connection = await session.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not SendenseException && exception is not OperationCanceledException)
        {
            throw HubErrors.FromQuery(exception, action, hub.ToString());
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when anything fails
    /// (a rule the work enforces by throwing included), so it lands whole or not at all.
    /// </summary>
    internal static Task<T> InTransactionAsync<T>(HubConnection hub, string action, Func<MySqlConnection, MySqlTransaction, Task<T>> work,
        CancellationToken ct) =>
        RunAsync(hub, action, async connection =>
        {
            using MySqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            T result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }, ct);
}
