using System.Xml;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.Discovery;

/// <summary>
/// Reads config.hardware.device (ArrayOfVirtualDevice) into disk and NIC records. Device and backing kinds come from
/// xsi:type; a type this client does not know is an ordinary device and is skipped, never an error.
/// </summary>
internal static class DeviceReader
{
    private static readonly HashSet<string> NicTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "VirtualEthernetCard", "VirtualE1000", "VirtualE1000e", "VirtualPCNet32", "VirtualVmxnet", "VirtualVmxnet2",
        "VirtualVmxnet3", "VirtualVmxnet3Vrdma", "VirtualSriovEthernetCard",
    };

    // Device kinds that are neither disks nor NICs: most of every device list, stepped over without reading a field.
    // Anything not listed here or above is read, and is a NIC when its backing is an Ethernet card backing.
    private static readonly HashSet<string> OtherDevices = new HashSet<string>(StringComparer.Ordinal)
    {
        "VirtualIDEController", "VirtualPCIController", "VirtualPS2Controller", "VirtualSIOController", "VirtualKeyboard",
        "VirtualPointingDevice", "VirtualMachineVideoCard", "VirtualMachineVMCIDevice", "VirtualMachineVMIROM",
        "ParaVirtualSCSIController", "VirtualLsiLogicController", "VirtualLsiLogicSASController", "VirtualBusLogicController",
        "VirtualAHCIController", "VirtualNVMEController", "VirtualSATAController", "VirtualSCSIController", "VirtualCdrom",
        "VirtualFloppy", "VirtualUSBController", "VirtualUSBXHCIController", "VirtualUSB", "VirtualSerialPort",
        "VirtualParallelPort", "VirtualSoundBlaster16", "VirtualEnsoniq1371", "VirtualHdAudioCard", "VirtualTPM",
        "VirtualWDT", "VirtualPrecisionClock", "VirtualNVDIMMController", "VirtualNVDIMM", "VirtualSCSIPassthrough",
        "VirtualPCIPassthrough",
    };

    /// <summary>Reader on the &lt;val&gt; of config.hardware.device; leaves it past &lt;/val&gt;.</summary>
    internal static void Read(XmlReader reader, VMRecord record)
    {
        if (!VimXml.Enter(reader))
        {
            return;
        }

        while (VimXml.NextChild(reader))
        {
            if (VimXml.Is(reader, VimNames.VirtualDevice))
            {
                ReadDevice(reader, record);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void ReadDevice(XmlReader reader, VMRecord record)
    {
        string type = VimXml.XsiType(reader) ?? string.Empty;
        bool disk = type == "VirtualDisk";
        if (!disk && OtherDevices.Contains(type))
        {
            reader.Skip();
            return;
        }

        if (!VimXml.Enter(reader))
        {
            return;
        }

        var device = new DeviceFields();
        while (VimXml.NextChild(reader))
        {
            if (VimXml.Is(reader, VimNames.Key)) { device.Key = VimXml.ReadInt(reader); }
            else if (VimXml.Is(reader, VimNames.DeviceInfo)) { device.Label = ReadLabel(reader); }
            else if (VimXml.Is(reader, VimNames.Backing)) { ReadBacking(reader, ref device); }
            else if (VimXml.Is(reader, VimNames.ControllerKey)) { device.ControllerKey = VimXml.ReadInt(reader); }
            else if (VimXml.Is(reader, VimNames.UnitNumber)) { device.UnitNumber = VimXml.ReadInt(reader); }
            else if (disk && VimXml.Is(reader, VimNames.CapacityInBytes)) { device.CapacityBytes = VimXml.ReadLong(reader); }
            else if (disk && VimXml.Is(reader, VimNames.CapacityInKB)) { device.CapacityKB = VimXml.ReadLong(reader); }
            else if (VimXml.Is(reader, VimNames.MacAddress)) { device.MacAddress = VimXml.ReadString(reader); }
            else { reader.Skip(); }
        }

        if (disk)
        {
            record.Disks.Add(new DiskRecord
            {
                Key = device.Key,
                Label = device.Label ?? string.Empty,
                CapacityBytes = device.CapacityBytes > 0 ? device.CapacityBytes : device.CapacityKB * 1024,
                FileName = device.FileName ?? string.Empty,
                Thin = ThinOf(device.BackingType, device.ThinProvisioned),
                ControllerKey = device.ControllerKey,
                UnitNumber = device.UnitNumber,
            });
        }
        else if (NicTypes.Contains(type) || (device.BackingType?.StartsWith("VirtualEthernetCard", StringComparison.Ordinal) ?? false))
        {
            record.Nics.Add(new NicRecord
            {
                Label = device.Label ?? string.Empty,
                MacAddress = device.MacAddress ?? string.Empty,
                Network = device.Network,
                DeviceName = device.DeviceName,
                PortgroupKey = device.PortgroupKey,
                OpaqueNetworkId = device.OpaqueNetworkId,
            });
        }
    }

    private static string? ReadLabel(XmlReader reader)
    {
        string? label = null;
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                if (VimXml.Is(reader, VimNames.Label))
                {
                    label = VimXml.ReadString(reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return label;
    }

    private static void ReadBacking(XmlReader reader, ref DeviceFields device)
    {
        device.BackingType = VimXml.XsiType(reader);
        if (!VimXml.Enter(reader))
        {
            return;
        }

        while (VimXml.NextChild(reader))
        {
            if (VimXml.Is(reader, VimNames.FileName)) { device.FileName = VimXml.ReadString(reader); }
            else if (VimXml.Is(reader, VimNames.ThinProvisioned)) { device.ThinProvisioned = VimXml.ReadBool(reader); }
            else if (VimXml.Is(reader, VimNames.DeviceName)) { device.DeviceName = VimXml.ReadString(reader); }
            else if (VimXml.Is(reader, VimNames.Network)) { device.Network = VimXml.ReadMoRef(reader); }
            else if (VimXml.Is(reader, VimNames.OpaqueNetworkId)) { device.OpaqueNetworkId = VimXml.ReadString(reader); }
            else if (VimXml.Is(reader, VimNames.Port)) { device.PortgroupKey = ReadPortgroupKey(reader); }
            else { reader.Skip(); }
        }
    }

    private static string? ReadPortgroupKey(XmlReader reader)
    {
        string? key = null;
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                if (VimXml.Is(reader, VimNames.PortgroupKey))
                {
                    key = VimXml.ReadString(reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return key;
    }

    /// <summary>Thin or thick from the backing kind: sparse formats are thin, raw mappings and flat v1 are not.</summary>
    private static bool? ThinOf(string? backingType, bool? thinProvisioned) => backingType switch
    {
        "VirtualDiskFlatVer2BackingInfo" => thinProvisioned ?? false,
        "VirtualDiskSeSparseBackingInfo" or "VirtualDiskSparseVer1BackingInfo" or "VirtualDiskSparseVer2BackingInfo" => true,
        "VirtualDiskRawDiskMappingVer1BackingInfo" or "VirtualDiskRawDiskVer2BackingInfo" or "VirtualDiskPartitionedRawDiskVer2BackingInfo" or "VirtualDiskFlatVer1BackingInfo" => false,
        _ => thinProvisioned,
    };

    private struct DeviceFields
    {
        internal int Key;
        internal string? Label;
        internal string? BackingType;
        internal string? FileName;
        internal bool? ThinProvisioned;
        internal ManagedObjectReference Network;
        internal string? DeviceName;
        internal string? PortgroupKey;
        internal string? OpaqueNetworkId;
        internal int? ControllerKey;
        internal int? UnitNumber;
        internal long CapacityKB;
        internal long CapacityBytes;
        internal string? MacAddress;
    }
}
