namespace Sendense.Core.VMs;

/// <summary>
/// The descriptive values one VM contributes to its vm_replication_contexts row, mapped from a discovered VM
/// exactly as the hub's own discovery maps them (contract §2.3, §3.3). Status, counters, timestamps and the
/// context id are decided when the row is written.
/// </summary>
public sealed class HubVMValues
{
    /// <summary>vm_name: the escaped name vCenter returns.</summary>
    public string VMName { get; set; } = string.Empty;

    /// <summary>vmware_vm_id: the BIOS uuid (config.uuid), or the MoRef when vCenter had no config.</summary>
    public string VMwareVMId { get; set; } = string.Empty;

    /// <summary>vm_path: /&lt;DC&gt;/vm/&lt;folders&gt;/&lt;name&gt;.</summary>
    public string VMPath { get; set; } = string.Empty;

    /// <summary>vcenter_host: the vCenter as the user named it.</summary>
    public string VCenterHost { get; set; } = string.Empty;

    /// <summary>datacenter.</summary>
    public string Datacenter { get; set; } = string.Empty;

    /// <summary>cpu_count.</summary>
    public int CpuCount { get; set; }

    /// <summary>memory_mb.</summary>
    public int MemoryMB { get; set; }

    /// <summary>os_type: windows, linux or other (see <see cref="OsTypeRule"/>).</summary>
    public string OsType { get; set; } = OsTypeRule.Other;

    /// <summary>power_state: poweredOn, poweredOff, suspended or unknown.</summary>
    public string PowerState { get; set; } = "unknown";

    /// <summary>vm_tools_version: upstream stores config.version (the hardware version, e.g. vmx-19) here.</summary>
    public string VMToolsVersion { get; set; } = string.Empty;

    /// <summary>The VM's disks as vm_disks rows.</summary>
    public IReadOnlyList<HubDiskValues> Disks { get; set; } = Array.Empty<HubDiskValues>();
}

/// <summary>The values one virtual disk contributes to its vm_disks row (contract §3.4, with the real unit number and provisioning type).</summary>
public sealed class HubDiskValues
{
    /// <summary>disk_id: disk-&lt;device key&gt;; backups order by it, so the format is fixed.</summary>
    public string DiskId { get; set; } = string.Empty;

    /// <summary>vm_dk_path: the backing file name, "" for backings without one.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>size_gb: capacity rounded up to whole GiB.</summary>
    public long SizeGB { get; set; }

    /// <summary>datastore: the name between the brackets of the file name.</summary>
    public string Datastore { get; set; } = string.Empty;

    /// <summary>unit_number on the controller; 0 when vCenter did not say (the hub's readers cannot take NULL).</summary>
    public long UnitNumber { get; set; }

    /// <summary>label, e.g. "Hard disk 1".</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>capacity_bytes.</summary>
    public long CapacityBytes { get; set; }

    /// <summary>provisioning_type: thin, thick or unknown.</summary>
    public string ProvisioningType { get; set; } = "unknown";
}
