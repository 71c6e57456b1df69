namespace Sendense.Core.VMs;

/// <summary>
/// The filters of Get-SendenseVM and Get-SendenseUngroupedVM. Within one filter the values are alternatives (OR);
/// different filters all apply (AND). Empty means "no filter". Name, VCenter, Datacenter and ProtectionGroup take
/// PowerShell wildcards; the rest are exact (case-insensitive, like the hub's collation).
/// </summary>
public sealed class VMFilter
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

    /// <summary>Only VMs in no protection group (upstream's ungrouped query).</summary>
    public bool UngroupedOnly { get; set; }
}
