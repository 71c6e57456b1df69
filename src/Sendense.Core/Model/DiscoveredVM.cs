namespace Sendense;

/// <summary>
/// A virtual machine as found in vCenter by Invoke-SendenseVMDiscovery. Flat on purpose: it serialises cleanly to
/// JSON/CSV, binds by value to Add-SendenseVM and by property name (Name, Id, BiosUuid) to anything else.
/// </summary>
public sealed class DiscoveredVM
{
    /// <summary>
    /// The vCenter host name exactly as the user gave it (what the hub stores as vcenter_host); when a URL was given,
    /// its host (and port, if not the default).
    /// </summary>
    public string VCenter { get; set; } = string.Empty;

    /// <summary>The datacenter name, unescaped for display.</summary>
    public string Datacenter { get; set; } = string.Empty;

    /// <summary>Folder path between the datacenter's hidden "vm" folder and the VM, e.g. "Prod/Web"; empty at the root.</summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>The inventory path as the hub stores it in vm_path: /&lt;DC&gt;/vm/&lt;folders&gt;/&lt;name&gt;.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The VM name, unescaped for display (vCenter escapes '/', '\' and '%' as %2f, %5c, %25).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// The name exactly as vCenter returns it (escaped). This is what the hub stores as vm_name and what its backup
    /// code later looks the VM up by, so it must round-trip unchanged; <see cref="Path"/> is built from such names.
    /// </summary>
    public string InventoryName { get; set; } = string.Empty;

    /// <summary>The managed object id, e.g. vm-123 (unique per vCenter only).</summary>
    public string MoRef { get; set; } = string.Empty;

    /// <summary>PowerCLI-style id, VirtualMachine-vm-123, so objects round-trip to Get-VM -Id.</summary>
    public string Id => string.IsNullOrEmpty(MoRef) ? string.Empty : "VirtualMachine-" + MoRef;

    /// <summary>config.uuid, the SMBIOS uuid: what the hub stores as vmware_vm_id.</summary>
    public string BiosUuid { get; set; } = string.Empty;

    /// <summary>config.instanceUuid, vCenter's own unique id of the VM.</summary>
    public string InstanceUuid { get; set; } = string.Empty;

    /// <summary>True for templates; discovery leaves them out unless -IncludeTemplate is given.</summary>
    public bool IsTemplate { get; set; }

    /// <summary>poweredOn, poweredOff, suspended or unknown, as vSphere spells them.</summary>
    public string PowerState { get; set; } = "unknown";

    /// <summary>Guest OS full name (VMware Tools' report when present, else the configured one).</summary>
    public string GuestOS { get; set; } = string.Empty;

    /// <summary>config.hardware.numCPU.</summary>
    public int NumCpu { get; set; }

    /// <summary>config.hardware.memoryMB.</summary>
    public int MemoryMB { get; set; }

    /// <summary>config.version, e.g. vmx-19.</summary>
    public string HardwareVersion { get; set; } = string.Empty;

    /// <summary>Name of the host the VM is registered on.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>Name of the cluster of that host; empty for a standalone host.</summary>
    public string Cluster { get; set; } = string.Empty;

    /// <summary>guest.ipAddress (needs VMware Tools); empty when unknown.</summary>
    public string IPAddress { get; set; } = string.Empty;

    /// <summary>Virtual disks in device order.</summary>
    public DiscoveredDisk[] Disks { get; set; } = Array.Empty<DiscoveredDisk>();

    /// <summary>Network adapters in device order.</summary>
    public DiscoveredNetwork[] Networks { get; set; } = Array.Empty<DiscoveredNetwork>();

    /// <summary>Name of the vApp the VM runs in ("Outer/Inner" when nested), unescaped; empty when none.</summary>
    public string VApp { get; set; } = string.Empty;

    /// <summary>runtime.connectionState: connected, disconnected, orphaned, inaccessible or invalid.</summary>
    public string ConnectionState { get; set; } = string.Empty;

    /// <summary>
    /// The id of the stored vCenter credential discovery logged in with (-VCenterCredential); Add-SendenseVM writes it
    /// into credential_id, which the hub's backups need. Null when a plain credential or session was used.
    /// </summary>
    public int? CredentialId { get; set; }

    /// <summary>True when the hub already manages this VM; null when no hub was connected during discovery.</summary>
    public bool? IsManaged { get; set; }

    /// <summary>The hub context id when <see cref="IsManaged"/> is true.</summary>
    public string? ContextId { get; set; }

    /// <summary>
    /// The spelling the hub already uses for this VM's vCenter when <see cref="VCenter"/> names the same vCenter
    /// differently ("127.0.0.1:443" for "localhost"); set by Add-SendenseVM, which writes rows under it. Internal, so
    /// the object a script holds keeps the name it was discovered with.
    /// </summary>
    internal string? HubVCenter { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
