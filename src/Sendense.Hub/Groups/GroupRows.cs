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
