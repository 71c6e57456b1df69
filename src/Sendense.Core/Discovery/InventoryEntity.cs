using Sendense.Core.VSphere.Types;

namespace Sendense.Core.Discovery;

/// <summary>A container (folder, datacenter, vApp, compute resource, host) or network, as read in one sweep.</summary>
internal sealed class InventoryEntity
{
    // Fields, as in VMRecord: a scratch record filled by InventoryIndex's reader, read only by its lookups.
    internal readonly ManagedObjectReference Self;

    /// <summary>The name as vCenter returns it (escaped).</summary>
    internal string Name = string.Empty;

    internal ManagedObjectReference Parent;

    /// <summary>VirtualApp only: the folder it is shown in, and the vApp it is nested in.</summary>
    internal ManagedObjectReference ParentFolder, ParentVApp;

    /// <summary>DistributedVirtualPortgroup only: the key NIC backings refer to.</summary>
    internal string? PortgroupKey;

    /// <summary>OpaqueNetwork only: the id NIC backings refer to.</summary>
    internal string? OpaqueNetworkId;

    internal InventoryEntity(ManagedObjectReference self) => Self = self;
}
