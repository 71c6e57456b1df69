using Sendense.Core.VSphere.Types;

namespace Sendense.Core.Discovery;

/// <summary>A container (folder, datacenter, vApp, compute resource, host) or network, as read in one sweep.</summary>
internal sealed class InventoryEntity
{
    internal InventoryEntity(ManagedObjectReference self) => Self = self;

    internal ManagedObjectReference Self { get; }

    /// <summary>The name as vCenter returns it (escaped).</summary>
    internal string Name { get; set; } = string.Empty;

    internal ManagedObjectReference Parent { get; set; }

    /// <summary>VirtualApp only: the folder it is shown in.</summary>
    internal ManagedObjectReference ParentFolder { get; set; }

    /// <summary>VirtualApp only: the vApp it is nested in.</summary>
    internal ManagedObjectReference ParentVApp { get; set; }

    /// <summary>DistributedVirtualPortgroup only: the key NIC backings refer to.</summary>
    internal string? PortgroupKey { get; set; }

    /// <summary>OpaqueNetwork only: the id NIC backings refer to.</summary>
    internal string? OpaqueNetworkId { get; set; }
}
