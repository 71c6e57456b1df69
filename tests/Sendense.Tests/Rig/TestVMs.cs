using Sendense.Hub.Connection;

namespace Sendense.Tests.Rig;

/// <summary>
/// Discovered VMs shaped like the govmomi simulator's (DC0_C0_RP0_VM0, BIOS uuids, [LocalDS_0] disk files), built
/// directly: discovery is another component, and these tests are about what the hub gets.
/// </summary>
internal static class TestVMs
{
    internal const string VCenter = "vcsim.lab.local";

    internal static DiscoveredVM Make(string name, string? uuid = null, string vcenter = VCenter, string datacenter = "DC0",
        string guest = "Ubuntu Linux (64-bit)", int disks = 2, string powerState = "poweredOn", string folder = "")
    {
        uuid ??= UuidFor(vcenter + "/" + name);
        string path = "/" + datacenter + "/vm/" + (folder.Length > 0 ? folder + "/" : string.Empty) + name;
        return new DiscoveredVM
        {
            VCenter = vcenter,
            Datacenter = datacenter,
            Folder = folder,
            Path = path,
            Name = name,
            InventoryName = name,
            MoRef = "vm-" + (Math.Abs(name.GetHashCode()) % 100000).ToString(CultureInfo.InvariantCulture),
            BiosUuid = uuid,
            InstanceUuid = UuidFor("instance/" + uuid),
            PowerState = powerState,
            GuestOS = guest,
            NumCpu = 2,
            MemoryMB = 4096,
            HardwareVersion = "vmx-19",
            Host = "DC0_C0_H0",
            Cluster = "DC0_C0",
            Disks = Enumerable.Range(0, disks).Select(i => new DiscoveredDisk
            {
                Key = 2000 + i,
                Label = "Hard disk " + (i + 1).ToString(CultureInfo.InvariantCulture),
                CapacityBytes = (i + 1) * 10L * 1024 * 1024 * 1024 + 512,
                Datastore = "LocalDS_0",
                FileName = $"[LocalDS_0] {name}/{name}{(i == 0 ? string.Empty : "_" + i.ToString(CultureInfo.InvariantCulture))}.vmdk",
                ThinProvisioned = i % 2 == 0,
                ControllerKey = 1000,
                UnitNumber = i,
            }).ToArray(),
        };
    }

    internal static string UuidFor(string seed)
    {
        byte[] hash = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        return new Guid(hash).ToString();
    }

    internal static async Task<HubConnection> ConnectAsync(HubDatabase database)
    {
        return await HubEngine.ConnectAsync(database.Options(), CancellationToken.None);
    }
}
