namespace Sendense.Core.Flows;

/// <summary>How a protection path reaches a VM.</summary>
public enum ProtectionPathKind
{
    /// <summary>A protection flow whose target is the VM itself (target_type 'vm').</summary>
    DirectFlow,

    /// <summary>A protection flow whose target is a group the VM is a member of (target_type 'group').</summary>
    GroupFlow,

    /// <summary>A membership of a protection group: the group's replication schedule runs its enabled members.</summary>
    GroupSchedule,
}

/// <summary>
/// One way the hub may reach a VM, with every switch on the way; <see cref="ProtectionStatusRule"/> decides what the
/// paths of a VM add up to. A NULL flag in the hub reads as off, as the hub's Go code reads it. A switch that does not
/// apply to the kind (a membership of a direct flow, a repository of a group schedule) is true.
/// </summary>
/// <param name="Kind">The kind of path.</param>
/// <param name="IsBackup">The flow is a backup flow (the hub's engine refuses replication flows today).</param>
/// <param name="FlowEnabled">protection_flows.enabled.</param>
/// <param name="RepositoryEnabled">The flow's repository exists and is enabled.</param>
/// <param name="MembershipEnabled">vm_group_memberships.enabled of the VM in the group.</param>
/// <param name="ScheduleEnabled">The group has a replication schedule, it exists and is enabled.</param>
public sealed record ProtectionPath(ProtectionPathKind Kind, bool IsBackup = true, bool FlowEnabled = true, bool RepositoryEnabled = true,
    bool MembershipEnabled = true, bool ScheduleEnabled = true)
{
    /// <summary>A direct flow.</summary>
    public static ProtectionPath Direct(bool flowEnabled = true, bool repositoryEnabled = true, bool isBackup = true) =>
        new ProtectionPath(ProtectionPathKind.DirectFlow, isBackup, flowEnabled, repositoryEnabled);

    /// <summary>A flow through a group membership.</summary>
    public static ProtectionPath ThroughGroup(bool flowEnabled = true, bool repositoryEnabled = true, bool membershipEnabled = true, bool isBackup = true) =>
        new ProtectionPath(ProtectionPathKind.GroupFlow, isBackup, flowEnabled, repositoryEnabled, membershipEnabled);

    /// <summary>A group membership with (or without) an enabled schedule.</summary>
    public static ProtectionPath Membership(bool membershipEnabled = true, bool scheduleEnabled = true) =>
        new ProtectionPath(ProtectionPathKind.GroupSchedule, MembershipEnabled: membershipEnabled, ScheduleEnabled: scheduleEnabled);

    /// <summary>True when every switch on the path is on, so the hub would back the VM up along it.</summary>
    public bool Protects => Kind switch
    {
        ProtectionPathKind.DirectFlow => IsBackup && FlowEnabled && RepositoryEnabled,
        ProtectionPathKind.GroupFlow => IsBackup && FlowEnabled && RepositoryEnabled && MembershipEnabled,
        _ => MembershipEnabled && ScheduleEnabled,
    };
}
