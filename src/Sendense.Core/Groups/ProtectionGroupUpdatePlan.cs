namespace Sendense.Core.Groups;

/// <summary>A checked change of one group: only what differs is written.</summary>
/// <param name="Group">The group as it is.</param>
/// <param name="NewName">The new name, or null to keep it.</param>
/// <param name="SetDescription">Whether the description changes.</param>
/// <param name="Description">The new description (null clears it).</param>
/// <param name="SetSchedule">Whether the schedule changes.</param>
/// <param name="Schedule">The new schedule (null clears it).</param>
/// <param name="MaxConcurrentVMs">The new max_concurrent_vms, or null to keep it.</param>
/// <param name="Priority">The new priority, or null to keep it.</param>
/// <param name="Changes">The changes in words, for -WhatIf ("Set MaxConcurrentVMs 5 -> 2").</param>
public sealed record ProtectionGroupUpdatePlan(ProtectionGroup Group, string? NewName, bool SetDescription, string? Description,
    bool SetSchedule, ScheduleReference? Schedule, int? MaxConcurrentVMs, int? Priority, IReadOnlyList<string> Changes);
