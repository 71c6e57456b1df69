using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>
/// Recognises the constraint violations a group write meets when another session changed the hub between the checks
/// and the write, by the constraint the server names, and maps each to the error Sendense.Core words for it.
/// </summary>
internal static class GroupWriteErrors
{
    internal static bool IsDuplicateGroupName(Exception exception) =>
        exception is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } mysql && mysql.Message.Contains("for key 'name'");

    internal static bool IsDuplicateMembership(Exception exception) =>
        exception is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } mysql && mysql.Message.Contains("unique_vm_group");

    /// <summary>A foreign key failure turned into the error it means, or null for anything else.</summary>
    internal static SendenseException? FromForeignKey(Exception exception, string groupNames)
    {
        if (exception is not MySqlException { ErrorCode: MySqlErrorCode.NoReferencedRow2 or MySqlErrorCode.NoReferencedRow } mysql)
        {
            return null;
        }

        string message = mysql.Message;
        if (message.Contains("vm_group_memberships_ibfk_2"))
        {
            return GroupErrors.VMRemovedDuringWrite(groupNames, mysql);
        }

        if (message.Contains("vm_group_memberships_ibfk_1"))
        {
            return GroupErrors.GroupRemovedDuringWrite(groupNames, mysql);
        }

        return message.Contains("vm_machine_groups_ibfk_1") ? GroupErrors.ScheduleRemovedDuringWrite(groupNames, mysql) : null;
    }
}
