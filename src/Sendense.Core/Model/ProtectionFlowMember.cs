namespace Sendense;

/// <summary>
/// A machine a protection flow reaches, resolved as the hub's engine does (a VM target as it is; a group's enabled
/// memberships), with its disks and its completed backups in the flow's repository. Output of
/// Get-SendenseProtectionFlowMember; binds to the VM cmdlets by ContextId.
/// </summary>
public sealed class ProtectionFlowMember
{
    /// <summary>The flow's id.</summary>
    public string FlowId { get; set; } = string.Empty;

    /// <summary>The flow's name.</summary>
    public string FlowName { get; set; } = string.Empty;

    /// <summary>The VM's context id.</summary>
    public string ContextId { get; set; } = string.Empty;

    /// <summary>vm_name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>vcenter_host.</summary>
    public string VCenter { get; set; } = string.Empty;

    /// <summary>datacenter.</summary>
    public string Datacenter { get; set; } = string.Empty;

    /// <summary>power_state.</summary>
    public string? PowerState { get; set; }

    /// <summary>os_type.</summary>
    public string? OsType { get; set; }

    /// <summary>cpu_count.</summary>
    public int? NumCpu { get; set; }

    /// <summary>memory_mb.</summary>
    public int? MemoryMB { get; set; }

    /// <summary>Number of vm_disks rows.</summary>
    public int DiskCount { get; set; }

    /// <summary>Sum of the disks' size_gb.</summary>
    public long DiskSizeGB { get; set; }

    /// <summary>Completed backups of the VM in the flow's repository (per-disk rows not counted, as the hub counts).</summary>
    public int BackupCount { get; set; }

    /// <summary>Bytes those backups transferred.</summary>
    public long BackupBytes { get; set; }

    /// <summary>When the newest of them completed (hub server time); null if never.</summary>
    public DateTime? LastBackup { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
