namespace Sendense.Core.Groups;

/// <summary>What New-SendenseProtectionGroup was asked to create, before validation.</summary>
public sealed class ProtectionGroupDefinition
{
    /// <summary>The group name (trimmed and checked by <see cref="ProtectionGroupRules.NormalizeName"/>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Free text; empty means none.</summary>
    public string? Description { get; set; }

    /// <summary>A replication schedule name or id; null for none.</summary>
    public string? Schedule { get; set; }

    /// <summary>max_concurrent_vms.</summary>
    public int MaxConcurrentVMs { get; set; } = ProtectionGroupRules.DefaultMaxConcurrentVMs;

    /// <summary>Group priority.</summary>
    public int Priority { get; set; } = ProtectionGroupRules.DefaultPriority;

    /// <summary>Priority of every membership written with the group.</summary>
    public int MemberPriority { get; set; } = ProtectionGroupRules.DefaultMemberPriority;

    /// <summary>The member VMs as given (each input once, in input order; duplicates join once).</summary>
    public IReadOnlyList<VMReference> Members { get; set; } = Array.Empty<VMReference>();

    /// <summary>
    /// True when VMs were asked for: -VM was given or input was piped. Then an input that names no VM at all (an
    /// empty string, $null, a query that came back empty) is an error rather than an empty group (D14).
    /// </summary>
    public bool MembersGiven { get; set; }

    /// <summary>-AllowEmpty: create the group even when the VMs given turned out to be none.</summary>
    public bool AllowEmpty { get; set; }
}
