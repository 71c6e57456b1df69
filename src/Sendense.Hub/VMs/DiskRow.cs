using Sendense.Core.VMs;
using static Sendense.Hub.VMs.RowColumns;

namespace Sendense.Hub.VMs;

/// <summary>A disk row to insert: the context it belongs to, its values, and its created_at/updated_at.</summary>
internal sealed record NewDisk(string ContextId, HubDiskValues Disk, DateTime At);

/// <summary>A job-less disk row to refresh: its row id and new values.</summary>
internal sealed record RefreshedDisk(long RowId, HubDiskValues Disk);

/// <summary>
/// The vm_disks columns, each with its value, in one place. New rows are what upstream's createVMDisksFromDiscovery
/// writes (contract §3.4): job_id NULL, the Go zero values in the replication columns, sync_status pending; only
/// unit_number and provisioning_type carry the real values upstream drops. A refresh touches rows no job owns.
/// </summary>
internal static class DiskRow
{
    /// <summary>Every column of a new disk row.</summary>
    internal static readonly RowColumn<NewDisk>[] Insert =
    {
        Of<NewDisk>("vm_context_id", (s, r) => s.Value(r.ContextId)),
        Fixed<NewDisk>("job_id", "NULL"),
        Of<NewDisk>("disk_id", (s, r) => s.Value(r.Disk.DiskId)),
        Of<NewDisk>("vm_dk_path", (s, r) => s.Value(r.Disk.Path)),
        Of<NewDisk>("size_gb", (s, r) => s.Value(r.Disk.SizeGB)),
        Of<NewDisk>("datastore", (s, r) => s.Value(r.Disk.Datastore)),
        Of<NewDisk>("unit_number", (s, r) => s.Value(r.Disk.UnitNumber)),
        Of<NewDisk>("label", (s, r) => s.Value(r.Disk.Label)),
        Of<NewDisk>("capacity_bytes", (s, r) => s.Value(r.Disk.CapacityBytes)),
        Of<NewDisk>("provisioning_type", (s, r) => s.Value(r.Disk.ProvisioningType)),
        Fixed<NewDisk>("ossea_volume_id", "0"),
        Fixed<NewDisk>("disk_change_id", "''"),
        Fixed<NewDisk>("sync_status", "'pending'"),
        Fixed<NewDisk>("sync_progress_percent", "0"),
        Fixed<NewDisk>("bytes_synced", "0"),
        Of<NewDisk>("created_at", (s, r) => s.Value(r.At)),
        Of<NewDisk>("updated_at", (s, r) => s.Value(r.At)),
        Fixed<NewDisk>("cpu_count", "0"),
        Fixed<NewDisk>("memory_mb", "0"),
        Fixed<NewDisk>("os_type", "''"),
        Fixed<NewDisk>("vm_tools_version", "''"),
        Fixed<NewDisk>("network_config", "''"),
        Fixed<NewDisk>("display_name", "''"),
        Fixed<NewDisk>("annotation", "''"),
        Fixed<NewDisk>("power_state", "''"),
        Fixed<NewDisk>("vmware_uuid", "''"),
        Fixed<NewDisk>("bios_setup", "''"),
    };

    /// <summary>The columns a disk refresh sets, staged in a temporary table.</summary>
    internal static readonly RowColumn<RefreshedDisk>[] Refresh =
    {
        Of<RefreshedDisk>("id", (s, r) => s.Value(r.RowId)),
        Of<RefreshedDisk>("vm_dk_path", (s, r) => s.Value(r.Disk.Path)),
        Of<RefreshedDisk>("size_gb", (s, r) => s.Value(r.Disk.SizeGB)),
        Of<RefreshedDisk>("datastore", (s, r) => s.Value(r.Disk.Datastore)),
        Of<RefreshedDisk>("unit_number", (s, r) => s.Value(r.Disk.UnitNumber)),
        Of<RefreshedDisk>("label", (s, r) => s.Value(r.Disk.Label)),
        Of<RefreshedDisk>("capacity_bytes", (s, r) => s.Value(r.Disk.CapacityBytes)),
        Of<RefreshedDisk>("provisioning_type", (s, r) => s.Value(r.Disk.ProvisioningType)),
    };
}
