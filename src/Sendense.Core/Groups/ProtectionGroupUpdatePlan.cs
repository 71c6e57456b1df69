namespace Sendense.Core.Groups;

/// <summary>A validated change of one group: the checked values, ready to be written; <see cref="Changes"/> says what changes in words.</summary>
public sealed class ProtectionGroupUpdatePlan
{
    /// <summary>Creates a plan.</summary>
    public ProtectionGroupUpdatePlan(ProtectionGroup group, string? newName, bool setDescription, string? description,
        bool setSchedule, ScheduleReference? schedule, int? maxConcurrentVMs, int? priority, IReadOnlyList<string> changes)
    {
        Group = group;
        NewName = newName;
        SetDescription = setDescription;
        Description = description;
        SetSchedule = setSchedule;
        Schedule = schedule;
        MaxConcurrentVMs = maxConcurrentVMs;
        Priority = priority;
        Changes = changes;
    }

    /// <summary>The group as it was read.</summary>
    public ProtectionGroup Group { get; }

    /// <summary>The trimmed new name, or null.</summary>
    public string? NewName { get; }

    /// <summary>Whether the description is written.</summary>
    public bool SetDescription { get; }

    /// <summary>The new description (null clears it).</summary>
    public string? Description { get; }

    /// <summary>Whether schedule_id is written.</summary>
    public bool SetSchedule { get; }

    /// <summary>The new schedule (null clears it).</summary>
    public ScheduleReference? Schedule { get; }

    /// <summary>New max_concurrent_vms, or null.</summary>
    public int? MaxConcurrentVMs { get; }

    /// <summary>New priority, or null.</summary>
    public int? Priority { get; }

    /// <summary>Each change in words ("MaxConcurrentVMs 5 -> 10"); empty when nothing changes.</summary>
    public IReadOnlyList<string> Changes { get; }
}
