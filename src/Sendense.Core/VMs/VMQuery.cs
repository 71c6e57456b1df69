namespace Sendense.Core.VMs;

/// <summary>
/// What Get-SendenseVM, Get-SendenseUngroupedVM and Remove-SendenseVM look for. Within one filter the values are alternatives (OR);
/// different filters all apply (AND). Empty means "no filter". Name, VCenter, Datacenter and ProtectionGroup take
/// PowerShell wildcards; the rest are exact (case-insensitive, like the hub's collation).
/// </summary>
public sealed class VMQuery
{
    /// <summary>vm_name patterns.</summary>
    public string[] Names { get; set; } = Array.Empty<string>();

    /// <summary>vcenter_host patterns.</summary>
    public string[] VCenters { get; set; } = Array.Empty<string>();

    /// <summary>datacenter patterns.</summary>
    public string[] Datacenters { get; set; } = Array.Empty<string>();

    /// <summary>current_status values.</summary>
    public string[] Statuses { get; set; } = Array.Empty<string>();

    /// <summary>power_state values.</summary>
    public string[] PowerStates { get; set; } = Array.Empty<string>();

    /// <summary>Names (patterns) of protection groups the VM must belong to.</summary>
    public string[] ProtectionGroups { get; set; } = Array.Empty<string>();

    /// <summary>Exact context ids.</summary>
    public string[] ContextIds { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Report names without wildcards and context ids that match nothing as VMNotFound, as Get-VM does
    /// (Get-SendenseVM); a wildcard that matches nothing is never an error.
    /// </summary>
    public bool ReportMisses { get; set; }

    /// <summary>Only VMs in no protection group (upstream's ungrouped query).</summary>
    public bool UngroupedOnly { get; set; }

    /// <summary>Read each VM's protection paths and last backup, and decide its ProtectionStatus (the Get cmdlets).</summary>
    public bool IncludeProtection { get; set; }

    /// <summary>Only VMs with one of these protection statuses (needs <see cref="IncludeProtection"/>).</summary>
    public ProtectionStatus[] ProtectionStatuses { get; set; } = Array.Empty<ProtectionStatus>();
}

/// <summary>The columns whose values tab completion offers.</summary>
public enum VMColumn
{
    /// <summary>vm_name.</summary>
    Name,

    /// <summary>datacenter.</summary>
    Datacenter,

    /// <summary>vcenter_host.</summary>
    VCenter,
}
