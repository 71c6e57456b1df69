using MySqlConnector;
using Sendense.Core.VMs;

namespace Sendense.Hub.VMs;

/// <summary>The vm_replication_contexts columns the module reads, in one fixed order, and their reader.</summary>
internal static class ContextColumns
{
    /// <summary>Select list over alias c.</summary>
    internal const string SelectList =
        "c.context_id, c.vm_name, c.vmware_vm_id, c.vm_path, c.vcenter_host, c.datacenter, c.current_status, " +
        "c.cpu_count, c.memory_mb, c.os_type, c.power_state, c.vm_tools_version, c.credential_id, c.created_at, c.updated_at";

    /// <summary>Number of columns in <see cref="SelectList"/>.</summary>
    internal const int Count = 15;

    /// <summary>Reads the columns of <see cref="SelectList"/>, which start at <paramref name="offset"/>.</summary>
    internal static ExistingContext Read(MySqlDataReader reader, int offset = 0) => new ExistingContext
    {
        ContextId = reader.GetString(offset),
        VMName = Columns.Text(reader, offset + 1),
        VMwareVMId = Columns.Text(reader, offset + 2),
        VMPath = Columns.Text(reader, offset + 3),
        VCenterHost = Columns.Text(reader, offset + 4),
        Datacenter = Columns.Text(reader, offset + 5),
        CurrentStatus = Columns.Text(reader, offset + 6),
        CpuCount = Columns.NullableInt(reader, offset + 7),
        MemoryMB = Columns.NullableInt(reader, offset + 8),
        OsType = Columns.NullableText(reader, offset + 9),
        PowerState = Columns.NullableText(reader, offset + 10),
        VMToolsVersion = Columns.NullableText(reader, offset + 11),
        CredentialId = Columns.NullableInt(reader, offset + 12),
        CreatedAt = Columns.NullableTime(reader, offset + 13),
        UpdatedAt = Columns.NullableTime(reader, offset + 14),
    };

    /// <summary>The vm_disks columns the planner compares, over alias d.</summary>
    internal const string DiskSelectList =
        "d.vm_context_id, d.id, d.disk_id, d.job_id, d.vm_dk_path, d.size_gb, d.datastore, d.unit_number, d.label, d.capacity_bytes, d.provisioning_type";

    internal static ExistingDisk ReadDisk(MySqlDataReader reader) => new ExistingDisk
    {
        RowId = Columns.Long(reader, 1),
        DiskId = Columns.Text(reader, 2),
        JobId = Columns.NullableText(reader, 3),
        Path = Columns.Text(reader, 4),
        SizeGB = Columns.Long(reader, 5),
        Datastore = Columns.NullableText(reader, 6),
        UnitNumber = Columns.NullableLong(reader, 7),
        Label = Columns.NullableText(reader, 8),
        CapacityBytes = Columns.NullableLong(reader, 9),
        ProvisioningType = Columns.NullableText(reader, 10),
    };
}
