using Dapper;
using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>Writes a planned change of one group: only the columns the plan changes, and updated_at.</summary>
internal static class GroupUpdater
{
    /// <summary>False when the group no longer exists; true when it was written (or nothing was to be written).</summary>
    internal static async Task<bool> UpdateAsync(MySqlConnection connection, ProtectionGroupUpdatePlan plan, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", plan.Group.Id);
        var assignments = new List<string>();
        Set(plan.NewName is not null, "name", plan.NewName);
        Set(plan.SetDescription, "description", plan.Description);
        Set(plan.SetSchedule, "schedule_id", plan.Schedule?.Id);
        Set(plan.MaxConcurrentVMs is not null, "max_concurrent_vms", plan.MaxConcurrentVMs);
        Set(plan.Priority is not null, "priority", plan.Priority);
        if (assignments.Count == 0)
        {
            return true;
        }

        assignments.Add("updated_at = NOW()");
        string groupName = plan.NewName ?? plan.Group.Name;
        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(GroupSql.UpdateGroupHead + string.Join(", ", assignments) + " WHERE id = @id",
                parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        }
        catch (MySqlException exception) when (GroupWriteErrors.IsDuplicateGroupName(exception))
        {
            GroupKey? holder = await GroupStore.GroupNamedAsync(connection, groupName, plan.Group.Id, cancellationToken).ConfigureAwait(false);
            throw holder is null ? GroupErrors.NameTakenConcurrently(groupName, exception) : GroupErrors.NameTaken(groupName, holder);
        }
        catch (MySqlException exception) when (GroupWriteErrors.FromForeignKey(exception, groupName) is { } meaning)
        {
            throw meaning;
        }

        void Set(bool changes, string column, object? value)
        {
            if (changes)
            {
                assignments.Add($"{column} = @{column}");
                parameters.Add(column, value);
            }
        }
    }
}
