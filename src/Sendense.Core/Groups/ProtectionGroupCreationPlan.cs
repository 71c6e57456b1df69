namespace Sendense.Core.Groups;

/// <summary>A new group, checked and resolved: what -WhatIf shows and what the one transaction writes.</summary>
/// <param name="Name">The trimmed, checked name.</param>
/// <param name="Description">The description, or null for none.</param>
/// <param name="Schedule">The schedule the group runs on, or null.</param>
/// <param name="MaxConcurrentVMs">max_concurrent_vms.</param>
/// <param name="Priority">The group's priority.</param>
/// <param name="MemberPriority">The priority of each membership.</param>
/// <param name="Members">The member VMs as resolved, with any problems.</param>
public sealed record ProtectionGroupCreationPlan(string Name, string? Description, ScheduleReference? Schedule, int MaxConcurrentVMs,
    int Priority, int MemberPriority, VMResolution Members)
{
    /// <summary>The VMs that become members, each once.</summary>
    public IReadOnlyList<ManagedVMKey> MemberVMs => Members.VMs;
}
