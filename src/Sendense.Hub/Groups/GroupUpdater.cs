using Dapper;
using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>Changes a group: only the values that differ are written, with the same checks as for a new group.</summary>
internal static class GroupUpdater
{
    internal static async Task<ProtectionGroupUpdatePlan> PrepareUpdateAsync(MySqlConnection connection, ProtectionGroup group,
        ProtectionGroupChange change, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        string? newName = null;
        if (change.NewName is not null)
        {
            string name = ProtectionGroupRules.NormalizeName(change.NewName);
            if (!string.Equals(name, group.Name, StringComparison.Ordinal))
            {
                IdNameRow? other = (await connection.QueryAsync<IdNameRow>(new CommandDefinition(GroupSql.SelectOtherGroupByName,
                    new { name, id = group.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false)).FirstOrDefault();
                if (other is not null)
                {
                    throw GroupNameErrors.NameTaken(name, other);
                }

                newName = name;
                changes.Add($"Name '{group.Name}' -> '{name}'");
            }
        }

        bool setDescription = false;
        string? description = null;
        if (change.SetDescription)
        {
            description = ProtectionGroupRules.NormalizeDescription(change.Description);
            if (!string.Equals(description, group.Description, StringComparison.Ordinal))
            {
                setDescription = true;
                changes.Add(description is null ? "clear Description" : "Description");
            }
        }

        bool setSchedule = false;
        ScheduleReference? schedule = null;
        if (change.ClearSchedule)
        {
            if (group.ScheduleId is not null)
            {
                setSchedule = true;
                changes.Add($"clear Schedule '{group.ScheduleName ?? group.ScheduleId}'");
            }
        }
        else if (!string.IsNullOrWhiteSpace(change.Schedule))
        {
            schedule = await GroupReader.ScheduleAsync(connection, change.Schedule!, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(schedule.Id, group.ScheduleId, StringComparison.Ordinal))
            {
                setSchedule = true;
                changes.Add($"Schedule '{group.ScheduleName ?? "(none)"}' -> '{schedule.Name}'");
            }
        }

        int? maxConcurrentVMs = null;
        if (change.MaxConcurrentVMs is int max && ProtectionGroupRules.CheckMaxConcurrentVMs(max) != group.MaxConcurrentVMs)
        {
            maxConcurrentVMs = max;
            changes.Add($"MaxConcurrentVMs {group.MaxConcurrentVMs} -> {max}");
        }

        int? priority = null;
        if (change.Priority is int value && ProtectionGroupRules.CheckPriority(value) != group.Priority)
        {
            priority = value;
            changes.Add($"Priority {group.Priority} -> {value}");
        }

        return new ProtectionGroupUpdatePlan(group, newName, setDescription, description, setSchedule, schedule,
            maxConcurrentVMs, priority, changes);
    }

    internal static async Task<ProtectionGroup> UpdateAsync(MySqlConnection connection, ProtectionGroupUpdatePlan plan, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", plan.Group.Id);
        var assignments = new List<string>();
        if (plan.NewName is not null)
        {
            assignments.Add("name = @name");
            parameters.Add("name", plan.NewName);
        }

        if (plan.SetDescription)
        {
            assignments.Add("description = @description");
            parameters.Add("description", plan.Description);
        }

        if (plan.SetSchedule)
        {
            assignments.Add("schedule_id = @scheduleId");
            parameters.Add("scheduleId", plan.Schedule?.Id);
        }

        if (plan.MaxConcurrentVMs is int max)
        {
            assignments.Add("max_concurrent_vms = @maxConcurrentVMs");
            parameters.Add("maxConcurrentVMs", max);
        }

        if (plan.Priority is int priority)
        {
            assignments.Add("priority = @priority");
            parameters.Add("priority", priority);
        }

        string groupName = plan.NewName ?? plan.Group.Name;
        if (assignments.Count > 0)
        {
            assignments.Add("updated_at = NOW()");
            int matched;
            try
            {
                matched = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE vm_machine_groups SET " + string.Join(", ", assignments) + " WHERE id = @id", parameters,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (MySqlException exception) when (GroupWriteErrors.IsDuplicateGroupName(exception))
            {
                throw await GroupNameErrors.NameTakenAfterRaceAsync(connection, groupName, exception, cancellationToken).ConfigureAwait(false);
            }
            catch (MySqlException exception) when (GroupWriteErrors.FromForeignKey(exception, groupName) is { } meaning)
            {
                throw meaning;
            }

            if (matched == 0)
            {
                throw new ProtectionGroupIdentity(plan.Group).NotFound();
            }
        }

        IReadOnlyList<ProtectionGroup> reloaded = await GroupReader.GroupsAsync(connection, new GroupFilter { Ids = new[] { plan.Group.Id } }, cancellationToken).ConfigureAwait(false);
        return reloaded.FirstOrDefault(group => group.Id == plan.Group.Id)
            ?? throw new ProtectionGroupIdentity(plan.Group).NotFound();
    }
}
