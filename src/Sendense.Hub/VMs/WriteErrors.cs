using MySqlConnector;
using Sendense.Core.VMs;

namespace Sendense.Hub.VMs;

/// <summary>Which write failures are worth a retry and which point at one VM's data.</summary>
internal static class WriteErrors
{
    private const int SignalException = 1644;
    private const int NoReferencedRowOnInsert = 1452;
    private const int RecordChangedSinceLastRead = 1020;

    /// <summary>
    /// Another writer got there first: a unique key now taken, a deadlock or lock timeout, a parent row that was
    /// deleted, or a refreshed context that vanished. Planning again against the committed rows resolves it.
    /// </summary>
    internal static bool IsConflict(MySqlException exception)
    {
        int code = (int)exception.ErrorCode;
        return exception.ErrorCode is MySqlErrorCode.DuplicateKeyEntry or MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout
            || code is NoReferencedRowOnInsert or RecordChangedSinceLastRead
            || (code == SignalException && exception.Message.Contains(VMAddSql.VanishedMarker));
    }

    /// <summary>The rejection a failed write means for the add, or null when it is not one the add resolves.</summary>
    internal static VMWriteRejection? RejectionOf(MySqlException exception) =>
        exception.ErrorCode == MySqlErrorCode.LockWaitTimeout ? VMWriteRejection.LockWait
        : IsConflict(exception) ? VMWriteRejection.Conflict
        : IsRowData(exception) ? VMWriteRejection.RowData
        : null;

    /// <summary>The server refused a value (too long, invalid, a CHECK): one VM's data, so the batch is split to find it.</summary>
    internal static bool IsRowData(MySqlException exception) => (int)exception.ErrorCode is
        1048 /* column cannot be null */ or 1264 /* out of range */ or 1265 /* data truncated */ or 1292 /* incorrect value */
        or 1300 /* invalid character string */ or 1366 /* incorrect string value */ or 1406 /* data too long */
        or 4025 /* CHECK constraint failed */;
}
