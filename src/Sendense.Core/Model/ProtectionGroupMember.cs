namespace Sendense;

/// <summary>
/// One VM's membership in a protection group (a row of vm_group_memberships with the VM's and the group's names).
/// Output of Get-, Add- and Remove-SendenseProtectionGroupMember; binds to Remove-SendenseProtectionGroupMember by
/// value (ContextId) and GroupId.
/// </summary>
public sealed class ProtectionGroupMember
{
    /// <summary>The membership row's id (a MariaDB uuid).</summary>
    public string MembershipId { get; set; } = string.Empty;

    /// <summary>Id of the group.</summary>
    public string GroupId { get; set; } = string.Empty;

    /// <summary>Name of the group.</summary>
    public string GroupName { get; set; } = string.Empty;

    /// <summary>The hub's id of the VM context.</summary>
    public string ContextId { get; set; } = string.Empty;

    /// <summary>vm_name.</summary>
    public string VMName { get; set; } = string.Empty;

    /// <summary>vcenter_host of the VM.</summary>
    public string VCenter { get; set; } = string.Empty;

    /// <summary>datacenter of the VM.</summary>
    public string? Datacenter { get; set; }

    /// <summary>power_state of the VM as last discovered.</summary>
    public string? PowerState { get; set; }

    /// <summary>Whether the VM takes part in the group's scheduled replications.</summary>
    public bool Enabled { get; set; }

    /// <summary>Priority of the VM inside the group, 0-100; a lower number is a higher priority.</summary>
    public int Priority { get; set; }

    /// <summary>A schedule that overrides the group's for this VM; null when none.</summary>
    public string? ScheduleOverrideId { get; set; }

    /// <summary>added_at (hub server time).</summary>
    public DateTime? AddedAt { get; set; }

    /// <summary>added_by ('system' for the hub API and this module).</summary>
    public string? AddedBy { get; set; }

    /// <summary>What Add- or Remove-SendenseProtectionGroupMember did; null on objects from Get-.</summary>
    public ProtectionGroupMemberResult? Result { get; set; }

    /// <inheritdoc />
    public override string ToString() => VMName;
}
