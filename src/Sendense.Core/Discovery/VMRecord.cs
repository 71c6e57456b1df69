using Sendense.Core.VSphere.Types;

namespace Sendense.Core.Discovery;

/// <summary>The raw values of one VM as they come off the wire, before resolution and filtering.</summary>
internal sealed class VMRecord
{
    // Fields, grouped by the vim25 property path each is read from (VMRecordReader): a scratch record filled once
    // per VM by the reader and read once by VMMapper, never seen outside discovery.
    internal ManagedObjectReference Self, Parent, ParentVApp;
    internal string? Name;

    // config.*
    internal string? BiosUuid, InstanceUuid, ConfiguredGuest, HardwareVersion;
    internal bool IsTemplate;
    internal int NumCpu, MemoryMB;

    // runtime.*
    internal string? PowerState, ConnectionState;
    internal ManagedObjectReference Host;

    // guest.*
    internal string? ToolsGuest, IPAddress;

    internal List<DiskRecord> Disks { get; } = new List<DiskRecord>();

    internal List<NicRecord> Nics { get; } = new List<NicRecord>();

    /// <summary>Paths vCenter did not return for this VM, with the fault type.</summary>
    internal List<(string Path, string Fault)> Missing { get; } = new List<(string, string)>();

    /// <summary>The VM's parent for locating it: its folder, or its vApp when it has no folder parent.</summary>
    internal ManagedObjectReference Container => !Parent.IsEmpty ? Parent : ParentVApp;
}

/// <summary>One VirtualDisk device.</summary>
internal sealed class DiskRecord
{
    internal int Key { get; set; }

    internal string Label { get; set; } = string.Empty;

    internal long CapacityBytes { get; set; }

    internal string FileName { get; set; } = string.Empty;

    internal bool? Thin { get; set; }

    internal int? ControllerKey { get; set; }

    internal int? UnitNumber { get; set; }
}

/// <summary>One VirtualEthernetCard device.</summary>
internal sealed class NicRecord
{
    internal string Label { get; set; } = string.Empty;

    internal string MacAddress { get; set; } = string.Empty;

    internal ManagedObjectReference Network { get; set; }

    internal string? DeviceName { get; set; }

    internal string? PortgroupKey { get; set; }

    internal string? OpaqueNetworkId { get; set; }
}
