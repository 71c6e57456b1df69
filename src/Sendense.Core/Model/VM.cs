namespace Sendense;

/// <summary>
/// A VM the hub manages: one row of vm_replication_contexts, with the names of the protection groups it belongs to.
/// Output of Get-SendenseVM, Get-SendenseUngroupedVM and Add-SendenseVM; binds to the group cmdlets by ContextId.
/// </summary>
public sealed class VM
{
    /// <summary>The hub's id of the VM context, e.g. ctx-web01-20251006-203401.</summary>
    public string ContextId { get; set; } = string.Empty;

    /// <summary>vm_name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>vcenter_host.</summary>
    public string VCenter { get; set; } = string.Empty;

    /// <summary>datacenter.</summary>
    public string Datacenter { get; set; } = string.Empty;

    /// <summary>vm_path, /&lt;DC&gt;/vm/&lt;folders&gt;/&lt;name&gt;.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>vmware_vm_id: the BIOS uuid (config.uuid).</summary>
    public string BiosUuid { get; set; } = string.Empty;

    /// <summary>current_status: discovered, replicating, ready_for_failover, ...</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>power_state.</summary>
    public string? PowerState { get; set; }

    /// <summary>cpu_count.</summary>
    public int? NumCpu { get; set; }

    /// <summary>memory_mb.</summary>
    public int? MemoryMB { get; set; }

    /// <summary>os_type: windows, linux or other.</summary>
    public string? OsType { get; set; }

    /// <summary>credential_id: the stored vCenter credential the hub uses for this VM.</summary>
    public int? CredentialId { get; set; }

    /// <summary>Names of the protection groups the VM belongs to (a VM may be in several), sorted.</summary>
    public string[] Groups { get; set; } = Array.Empty<string>();

    /// <summary>created_at (hub server time).</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>updated_at (hub server time).</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>
    /// Whether the hub backs the VM up without anyone doing anything (Get-SendenseVM, Get-SendenseUngroupedVM; the rule
    /// is in docs/protection-flows.md); null on objects from Add-SendenseVM.
    /// </summary>
    public ProtectionStatus? ProtectionStatus { get; set; }

    /// <summary>When the VM's newest completed backup completed (backup_jobs, hub server time); null if never.</summary>
    public DateTime? LastBackup { get; set; }

    /// <summary>Status of the VM's newest backup job, whatever it is (pending, running, completed, failed, cancelled); null if none.</summary>
    public string? LastBackupStatus { get; set; }

    /// <summary>Names of the protection flows that reach the VM (directly or through a group it is in), sorted.</summary>
    public string[] Flows { get; set; } = Array.Empty<string>();

    /// <summary>The paths the store found to the VM; the service turns them into <see cref="ProtectionStatus"/>.</summary>
    internal IReadOnlyList<Sendense.Core.Flows.ProtectionPath>? ProtectionPaths { get; set; }

    /// <summary>What Add-SendenseVM did with this VM; null on objects from the Get cmdlets.</summary>
    public VMAddResult? Result { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>A separate object with the same values (each input gets its own output object), arrays included.</summary>
    internal VM Copy()
    {
        var copy = (VM)MemberwiseClone();
        copy.Groups = (string[])Groups.Clone();
        copy.Flows = (string[])Flows.Clone();
        return copy;
    }
}
