namespace Sendense.Core.Groups;

/// <summary>
/// A validated group creation: the checked values, the schedule found and the member VMs looked up. Prepared by a
/// read-only pass (which is all -WhatIf does) and written in one transaction.
/// </summary>
public sealed class ProtectionGroupCreationPlan
{
    /// <summary>Creates a plan.</summary>
    public ProtectionGroupCreationPlan(string name, string? description, ScheduleReference? schedule, int maxConcurrentVMs,
        int priority, int memberPriority, VMResolution members)
    {
        Name = name;
        Description = description;
        Schedule = schedule;
        MaxConcurrentVMs = maxConcurrentVMs;
        Priority = priority;
        MemberPriority = memberPriority;
        Members = members;
    }

    /// <summary>The trimmed name.</summary>
    public string Name { get; }

    /// <summary>The description, null for none.</summary>
    public string? Description { get; }

    /// <summary>The schedule, null for none.</summary>
    public ScheduleReference? Schedule { get; }

    /// <summary>max_concurrent_vms.</summary>
    public int MaxConcurrentVMs { get; }

    /// <summary>Group priority.</summary>
    public int Priority { get; }

    /// <summary>Priority of the memberships.</summary>
    public int MemberPriority { get; }

    /// <summary>The members; the plan may be written only when it has no problems.</summary>
    public VMResolution Members { get; }

    /// <summary>The distinct member VMs.</summary>
    public IReadOnlyList<ManagedVMKey> MemberVMs => Members.VMs;
}
