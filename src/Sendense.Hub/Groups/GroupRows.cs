using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

// Row shapes Dapper reads into; the column aliases in GroupSql match these property names.

internal sealed class GroupRow
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? ScheduleId { get; set; }
    public string? ScheduleName { get; set; }
    public int? MaxConcurrentVMs { get; set; }
    public int? Priority { get; set; }
    public long MemberCount { get; set; }
    public long EnabledCount { get; set; }
    public DateTime? LastExecution { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }

    // NULL settings (the columns allow them) read as the values the hub's scheduler falls back to.
    public ProtectionGroup ToModel() => new ProtectionGroup
    {
        Id = Id,
        Name = Name,
        Description = Description,
        ScheduleId = ScheduleId,
        ScheduleName = ScheduleName,
        MaxConcurrentVMs = MaxConcurrentVMs ?? ProtectionGroupRules.DefaultMaxConcurrentVMs,
        Priority = Priority ?? ProtectionGroupRules.DefaultPriority,
        MemberCount = (int)MemberCount,
        EnabledCount = (int)EnabledCount,
        DisabledCount = (int)(MemberCount - EnabledCount),
        LastExecution = LastExecution,
        CreatedBy = CreatedBy,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}

internal sealed class MemberRow
{
    public string MembershipId { get; set; } = string.Empty;
    public string GroupId { get; set; } = string.Empty;
    public string GroupName { get; set; } = string.Empty;
    public string ContextId { get; set; } = string.Empty;
    public string VMName { get; set; } = string.Empty;
    public string VCenter { get; set; } = string.Empty;
    public string? Datacenter { get; set; }
    public string? PowerState { get; set; }
    public long Enabled { get; set; }
    public int? Priority { get; set; }
    public string? ScheduleOverrideId { get; set; }
    public DateTime? AddedAt { get; set; }
    public string? AddedBy { get; set; }

    public ProtectionGroupMember ToModel(ProtectionGroupMemberResult? result) => new ProtectionGroupMember
    {
        MembershipId = MembershipId,
        GroupId = GroupId,
        GroupName = GroupName,
        ContextId = ContextId,
        VMName = VMName,
        VCenter = VCenter,
        Datacenter = Datacenter,
        PowerState = PowerState,
        Enabled = Enabled != 0,
        Priority = Priority ?? 0,
        ScheduleOverrideId = ScheduleOverrideId,
        AddedAt = AddedAt,
        AddedBy = AddedBy,
        Result = result,
    };
}

internal sealed class VMKeyRow
{
    public string ContextId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string VCenter { get; set; } = string.Empty;

    public ManagedVMKey ToModel() => new ManagedVMKey(ContextId, Name, VCenter);
}

internal sealed class IdNameRow
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;

    public GroupKey ToKey() => new GroupKey(Id, Name);

    public ScheduleReference ToSchedule() => new ScheduleReference(Id, Name);
}

internal sealed class InsertedGroupRow
{
    public string Id { get; set; } = string.Empty;
    public DateTime? CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
