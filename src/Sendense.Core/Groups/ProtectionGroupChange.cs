namespace Sendense.Core.Groups;

/// <summary>What Set-SendenseProtectionGroup was asked to change; a null property is left as it is.</summary>
public sealed class ProtectionGroupChange
{
    /// <summary>A new name.</summary>
    public string? NewName { get; set; }

    /// <summary>True to write <see cref="Description"/> (null or empty clears it).</summary>
    public bool SetDescription { get; set; }

    /// <summary>The new description.</summary>
    public string? Description { get; set; }

    /// <summary>A schedule name or id to assign.</summary>
    public string? Schedule { get; set; }

    /// <summary>True to remove the group's schedule (something the hub API cannot do).</summary>
    public bool ClearSchedule { get; set; }

    /// <summary>New max_concurrent_vms.</summary>
    public int? MaxConcurrentVMs { get; set; }

    /// <summary>New group priority.</summary>
    public int? Priority { get; set; }

    /// <summary>True when nothing is asked.</summary>
    public bool IsEmpty => NewName is null && !SetDescription && Schedule is null && !ClearSchedule &&
        MaxConcurrentVMs is null && Priority is null;
}
