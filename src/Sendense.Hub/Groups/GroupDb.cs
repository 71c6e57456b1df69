using MySqlConnector;
using Sendense.Hub.Connection;

namespace Sendense.Hub.Groups;

/// <summary>
/// Opens a pooled connection for one group operation, runs it, and turns driver failures into SendenseExceptions
/// that name the hub and the action. Transactions roll back on any failure, so a batch lands whole or not at all.
/// </summary>
internal static class GroupDb
{
    internal static async Task<T> RunAsync<T>(HubConnection hub, string action, Func<MySqlConnection, Task<T>> work,
        CancellationToken cancellationToken)
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
            throw HubErrors.FromQuery(exception, action, hub.ToString());
        }
    }

    internal static async Task<T> InTransactionAsync<T>(MySqlConnection connection, Func<MySqlTransaction, Task<T>> work,
        CancellationToken cancellationToken)
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
            RollbackQuietly(transaction);
            throw;
        }
        finally
        {
            DisposeQuietly(transaction);
        }
    }

    // The first failure is the one to report; a rollback on a dead connection fails too, and the server has
    // already rolled the transaction back when it lost the session.
    private static void RollbackQuietly(MySqlTransaction transaction)
    {
        try
        {
            if (transaction.Connection is { State: System.Data.ConnectionState.Open })
            {
                transaction.Rollback();
            }
        }
        catch (Exception exception) when (exception is MySqlException or InvalidOperationException or System.IO.IOException or ObjectDisposedException)
        {
        }
    }

    private static void DisposeQuietly(MySqlTransaction transaction)
    {
        try
        {
            transaction.Dispose();
        }
        catch (Exception exception) when (exception is MySqlException or InvalidOperationException or System.IO.IOException or ObjectDisposedException)
        {
        }
    }
}
