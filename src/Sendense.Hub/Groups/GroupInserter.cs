using Dapper;
using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>
/// Writes a new group and all its memberships in one transaction, as upstream's group service and assign handler
/// write them: the id from the column's uuid() read back with RETURNING (or by the unique name before MariaDB 10.5),
/// then the memberships as multi-row INSERTs. Any failure rolls all of it back.
/// </summary>
internal static class GroupInserter
{
    internal static async Task<ProtectionGroup> InsertAsync(HubConnection hub, MySqlConnection connection, ProtectionGroupCreationPlan plan,
        GroupWriteOptions options, CancellationToken cancellationToken)
    {
        bool returning = options.UseReturning ?? SupportsReturning(hub.ServerVersion);
        try
        {
            InsertedGroupRow inserted = await HubQuery.InTransactionAsync(connection, async transaction =>
            {
                var parameters = new
                {
                    name = plan.Name,
                    description = plan.Description,
                    scheduleId = plan.Schedule?.Id,
                    maxConcurrentVMs = plan.MaxConcurrentVMs,
                    priority = plan.Priority,
                    createdBy = ProtectionGroupRules.CreatedBy,
                };
                InsertedGroupRow row;
                if (returning)
                {
                    row = await connection.QuerySingleAsync<InsertedGroupRow>(new CommandDefinition(GroupSql.InsertGroup + GroupSql.ReturningGroup,
                        parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
                else
                {
                    await connection.ExecuteAsync(new CommandDefinition(GroupSql.InsertGroup, parameters, transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                    row = await connection.QuerySingleAsync<InsertedGroupRow>(new CommandDefinition(GroupSql.SelectInsertedGroup,
                        new { name = plan.Name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                List<(string, string)> rows = plan.MemberVMs.Select(vm => (row.Id, vm.ContextId)).ToList();
                await MembershipInserter.InsertAsync(connection, transaction, rows, plan.MemberPriority, options, cancellationToken).ConfigureAwait(false);
                return row;
            }, cancellationToken).ConfigureAwait(false);
            return Written(plan, inserted);
        }
        catch (MySqlException exception) when (GroupWriteErrors.IsDuplicateGroupName(exception))
        {
            GroupKey? holder = await GroupStore.GroupNamedAsync(connection, plan.Name, null, cancellationToken).ConfigureAwait(false);
            throw holder is null ? GroupErrors.NameTakenConcurrently(plan.Name, exception) : GroupErrors.NameTaken(plan.Name, holder);
        }
        catch (MySqlException exception) when (GroupWriteErrors.FromForeignKey(exception, plan.Name) is { } meaning)
        {
            throw meaning;
        }
    }

    /// <summary>INSERT ... RETURNING exists from MariaDB 10.5 on (and not in MySQL).</summary>
    internal static bool SupportsReturning(string serverVersion)
    {
        if (serverVersion.IndexOf("MariaDB", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        string number = new string(serverVersion.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        return Version.TryParse(number, out Version? version) && version >= new Version(10, 5);
    }

    // The group as written, without reading it again: every member is new and enabled.
    private static ProtectionGroup Written(ProtectionGroupCreationPlan plan, InsertedGroupRow inserted) => new ProtectionGroup
    {
        Id = inserted.Id,
        Name = plan.Name,
        Description = plan.Description,
        ScheduleId = plan.Schedule?.Id,
        ScheduleName = plan.Schedule?.Name,
        MaxConcurrentVMs = plan.MaxConcurrentVMs,
        Priority = plan.Priority,
        MemberCount = plan.MemberVMs.Count,
        EnabledCount = plan.MemberVMs.Count,
        DisabledCount = 0,
        CreatedBy = ProtectionGroupRules.CreatedBy,
        CreatedAt = inserted.CreatedAt,
        UpdatedAt = inserted.UpdatedAt,
    };
}
