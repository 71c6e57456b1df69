namespace Sendense.Core.VMs;

/// <summary>A vm_replication_contexts row as read back from the hub, with its group names and disk rows.</summary>
public sealed class ExistingContext
{
    /// <summary>context_id.</summary>
    public string ContextId { get; set; } = string.Empty;

    /// <summary>vm_name.</summary>
    public string VMName { get; set; } = string.Empty;

    /// <summary>vmware_vm_id.</summary>
    public string VMwareVMId { get; set; } = string.Empty;

    /// <summary>vm_path.</summary>
    public string VMPath { get; set; } = string.Empty;

    /// <summary>vcenter_host.</summary>
    public string VCenterHost { get; set; } = string.Empty;

    /// <summary>datacenter.</summary>
    public string Datacenter { get; set; } = string.Empty;

    /// <summary>current_status.</summary>
    public string CurrentStatus { get; set; } = string.Empty;

    /// <summary>cpu_count.</summary>
    public int? CpuCount { get; set; }

    /// <summary>memory_mb.</summary>
    public int? MemoryMB { get; set; }

    /// <summary>os_type.</summary>
    public string? OsType { get; set; }

    /// <summary>power_state.</summary>
    public string? PowerState { get; set; }

    /// <summary>vm_tools_version.</summary>
    public string? VMToolsVersion { get; set; }

    /// <summary>credential_id.</summary>
    public int? CredentialId { get; set; }

    /// <summary>created_at.</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>updated_at.</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>Names of the protection groups the VM belongs to, sorted.</summary>
    public List<string> Groups { get; } = new List<string>();

    /// <summary>Its vm_disks rows.</summary>
    public List<ExistingDisk> Disks { get; } = new List<ExistingDisk>();

    /// <summary>The public object for this row.</summary>
    public VM ToVM(VMAddResult? result = null) => new VM
    {
        ContextId = ContextId,
        Name = VMName,
        VCenter = VCenterHost,
        Datacenter = Datacenter,
        Path = VMPath,
        BiosUuid = VMwareVMId,
        Status = CurrentStatus,
        PowerState = PowerState,
        NumCpu = CpuCount,
        MemoryMB = MemoryMB,
        OsType = OsType,
        CredentialId = CredentialId,
        Groups = Groups.ToArray(),
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        Result = result,
    };
}

/// <summary>A vm_disks row as read back from the hub.</summary>
public sealed class ExistingDisk
{
    /// <summary>id (the row's auto-increment key).</summary>
    public long RowId { get; set; }

    /// <summary>disk_id.</summary>
    public string DiskId { get; set; } = string.Empty;

    /// <summary>job_id: set once a replication job owns the row; such rows are never touched.</summary>
    public string? JobId { get; set; }

    /// <summary>vm_dk_path.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>size_gb.</summary>
    public long SizeGB { get; set; }

    /// <summary>datastore.</summary>
    public string? Datastore { get; set; }

    /// <summary>unit_number.</summary>
    public long? UnitNumber { get; set; }

    /// <summary>label.</summary>
    public string? Label { get; set; }

    /// <summary>capacity_bytes.</summary>
    public long? CapacityBytes { get; set; }

    /// <summary>provisioning_type.</summary>
    public string? ProvisioningType { get; set; }
}
