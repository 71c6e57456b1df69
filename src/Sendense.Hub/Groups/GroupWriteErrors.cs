using MySqlConnector;

namespace Sendense.Hub.Groups;

/// <summary>
/// Recognises the constraint violations a group write can meet when another session changed the hub between the
/// checks and the write, and says what happened in the user's terms.
/// </summary>
internal static class GroupWriteErrors
{
    internal static bool IsDuplicateGroupName(Exception exception) =>
        exception is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } mysql && mysql.Message.Contains("for key 'name'");

    internal static bool IsDuplicateMembership(Exception exception) =>
        exception is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } mysql && mysql.Message.Contains("unique_vm_group");

    /// <summary>A foreign key failure turned into the error it means, or null for anything else.</summary>
    internal static SendenseException? FromForeignKey(Exception exception, string groupName)
    {
        if (exception is not MySqlException { ErrorCode: MySqlErrorCode.NoReferencedRow2 or MySqlErrorCode.NoReferencedRow } mysql)
        {
            return null;
        }

        string message = mysql.Message;
        if (message.Contains("vm_group_memberships_ibfk_2"))
        {
            return new SendenseException(SendenseErrorCode.ProtectionGroupVMNotFound,
                $"A VM was removed from the hub while protection group '{groupName}' was being written. Nothing was written; run the command again.", mysql);
        }

        if (message.Contains("vm_group_memberships_ibfk_1"))
        {
            return new SendenseException(SendenseErrorCode.ProtectionGroupNotFound,
                $"Protection group '{groupName}' was removed by someone else while VMs were being added. Nothing was written.", mysql);
        }

        if (message.Contains("vm_machine_groups_ibfk_1"))
        {
            return new SendenseException(SendenseErrorCode.ProtectionGroupScheduleNotFound,
                $"The schedule chosen for protection group '{groupName}' was removed while the group was being written. Nothing was written; choose another schedule.", mysql);
        }

        return null;
    }
}
