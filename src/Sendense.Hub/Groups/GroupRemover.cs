using Dapper;
using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>Deletes groups with upstream's refusals (members, running executions) unless forced.</summary>
internal static class GroupRemover
{
    /// <summary>Deletes a group as upstream does (refusing members and running executions unless forced); returns the memberships removed with it.</summary>
    internal static Task<int> DeleteAsync(MySqlConnection connection, ProtectionGroup group, bool force, CancellationToken cancellationToken) =>
        GroupDb.InTransactionAsync(connection, async transaction =>
        {
            using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(GroupSql.CheckGroupForDelete,
                new { id = group.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            bool exists = (await grid.ReadAsync<string>().ConfigureAwait(false)).Any();
            int members = (int)await grid.ReadSingleAsync<long>().ConfigureAwait(false);
            int running = (int)await grid.ReadSingleAsync<long>().ConfigureAwait(false);
            if (!exists)
            {
                throw new ProtectionGroupIdentity(group).NotFound();
            }

            if (!force && members > 0)
            {
                throw new SendenseException(SendenseErrorCode.ProtectionGroupNotEmpty,
                    $"Protection group '{group.Name}' still has {Count(members, "VM")}. Remove them first " +
                    $"(Get-SendenseProtectionGroupMember -Group '{group.Name}' | Remove-SendenseProtectionGroupMember), " +
                    "or use -Force to remove the group with its memberships (the VMs stay managed).");
            }

            if (!force && running > 0)
            {
                throw new SendenseException(SendenseErrorCode.ProtectionGroupExecutionRunning,
                    $"Protection group '{group.Name}' has {Count(running, "schedule execution")} running. Wait for it to finish, " +
                    "or use -Force to remove the group anyway (the execution keeps running without a group).");
            }

            await connection.ExecuteAsync(new CommandDefinition(GroupSql.DeleteGroup, new { id = group.Id }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return members;
        }, cancellationToken);

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
