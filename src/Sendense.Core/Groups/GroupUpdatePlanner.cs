namespace Sendense.Core.Groups;

/// <summary>
/// The read-only half of Set-SendenseProtectionGroup: the same checks as for a new group, and only values that differ
/// from the group as read become changes, each said in words for ShouldProcess and -Verbose.
/// </summary>
internal static class GroupUpdatePlanner
{
    internal static async Task<ProtectionGroupUpdatePlan> PlanAsync(IGroupStore store, ProtectionGroup group, ProtectionGroupChange change,
        IOperationObserver observer, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        string? newName = null;
        if (change.NewName is not null)
        {
            string name = ProtectionGroupRules.NormalizeName(change.NewName);
            if (!string.Equals(name, group.Name, StringComparison.Ordinal))
            {
                // A new spelling of the group's own name (case, accents) is a rename, not a collision.
                GroupKey? holder = await store.FindGroupNamedAsync(name, group.Id, cancellationToken).ConfigureAwait(false);
                if (holder is not null)
                {
                    throw GroupErrors.NameTaken(name, holder);
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
            string wanted = change.Schedule!.Trim();
            schedule = GroupMatcher.Schedule(wanted, await store.FindScheduleAsync(wanted, cancellationToken).ConfigureAwait(false));
            GroupCreationPlanner.Say(observer, GroupMatcher.Note("schedule", wanted, schedule.Name));
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
}
