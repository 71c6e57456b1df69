namespace Sendense.Core.Discovery;

/// <summary>Builds the public <see cref="DiscoveredVM"/> from a record and the sweep's inventory index.</summary>
internal static class VMMapper
{
    internal static DiscoveredVM Map(VMRecord record, InventoryLocation? location, InventoryIndex index, string vcenter)
    {
        string escapedName = record.Name ?? record.Self.Value;
        (string host, string cluster) = index.HostAndCluster(record.Host);
        var disks = new DiscoveredDisk[record.Disks.Count];
        for (int i = 0; i < disks.Length; i++)
        {
            DiskRecord disk = record.Disks[i];
            disks[i] = new DiscoveredDisk
            {
                Key = disk.Key,
                Label = disk.Label,
                CapacityBytes = disk.CapacityBytes,
                FileName = disk.FileName,
                Datastore = DatastoreOf(disk.FileName),
                ThinProvisioned = disk.Thin,
                ControllerKey = disk.ControllerKey,
                UnitNumber = disk.UnitNumber,
            };
        }

        var networks = new DiscoveredNetwork[record.Nics.Count];
        for (int i = 0; i < networks.Length; i++)
        {
            NicRecord nic = record.Nics[i];
            networks[i] = new DiscoveredNetwork
            {
                Label = nic.Label,
                NetworkName = index.NetworkName(nic.Network, nic.DeviceName, nic.PortgroupKey, nic.OpaqueNetworkId),
                MacAddress = nic.MacAddress,
            };
        }

        return new DiscoveredVM
        {
            VCenter = vcenter,
            Datacenter = location?.Datacenter ?? string.Empty,
            Folder = location?.Folder ?? string.Empty,
            VApp = location?.VApp ?? string.Empty,
            Path = (location?.PathPrefix ?? string.Empty) + "/" + escapedName,
            Name = InventoryName.Unescape(escapedName),
            InventoryName = escapedName,
            MoRef = record.Self.Value,
            BiosUuid = record.BiosUuid ?? string.Empty,
            InstanceUuid = record.InstanceUuid ?? string.Empty,
            IsTemplate = record.IsTemplate,
            PowerState = string.IsNullOrEmpty(record.PowerState) ? "unknown" : record.PowerState!,
            ConnectionState = record.ConnectionState ?? string.Empty,
            GuestOS = !string.IsNullOrEmpty(record.ToolsGuest) ? record.ToolsGuest! : record.ConfiguredGuest ?? string.Empty,
            NumCpu = record.NumCpu,
            MemoryMB = record.MemoryMB,
            HardwareVersion = record.HardwareVersion ?? string.Empty,
            Host = host,
            Cluster = cluster,
            IPAddress = record.IPAddress ?? string.Empty,
            Disks = disks,
            Networks = networks,
        };
    }

    /// <summary>The datastore of "[ds1] dir/file.vmdk": the text between the brackets (what the hub stores).</summary>
    internal static string DatastoreOf(string fileName)
    {
        if (fileName.Length == 0 || fileName[0] != '[')
        {
            return string.Empty;
        }

        int close = fileName.IndexOf(']');
        return close < 0 ? string.Empty : fileName.Substring(1, close - 1);
    }
}
