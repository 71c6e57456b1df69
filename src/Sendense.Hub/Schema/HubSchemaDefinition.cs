namespace Sendense.Hub.Schema;

/// <summary>
/// The nine hub tables the module uses (contract §1.2), in the order that satisfies their foreign keys as far as
/// the schema allows (vm_replication_contexts and replication_jobs reference each other, so creation runs with
/// FOREIGN_KEY_CHECKS=0 anyway), and what the module needs of each on an existing hub.
/// </summary>
internal static class HubSchemaDefinition
{
    /// <summary>MariaDB 10.4 is the first with UNIQUE ... USING HASH on TEXT columns, which vm_disks needs.</summary>
    internal const int MinimumMajor = 10, MinimumMinor = 4;

    private const string Prefix = "Sendense.Hub.Schema.Tables.";

    internal static IReadOnlyList<HubTableDefinition> Tables { get; } = new[]
    {
        new HubTableDefinition("vmware_credentials", Prefix + "01-vmware_credentials.sql", new[]
        {
            "id", "credential_name", "vcenter_host", "username", "password_encrypted", "datacenter", "is_active", "is_default",
            "created_at", "updated_at", "created_by", "last_used", "usage_count",
        }, uniqueKeys: new[] { "credential_name" }, writes: true),
        new HubTableDefinition("ossea_configs", Prefix + "02-ossea_configs.sql", new[] { "id", "is_active" }),
        new HubTableDefinition("replication_schedules", Prefix + "03-replication_schedules.sql", new[] { "id", "name" }),
        new HubTableDefinition("vm_machine_groups", Prefix + "04-vm_machine_groups.sql", new[]
        {
            "id", "name", "description", "schedule_id", "max_concurrent_vms", "priority", "created_at", "updated_at", "created_by",
        }, uniqueKeys: new[] { "name" }, writes: true),
        new HubTableDefinition("vm_replication_contexts", Prefix + "05-vm_replication_contexts.sql", new[]
        {
            "context_id", "vm_name", "vmware_vm_id", "vm_path", "vcenter_host", "datacenter", "current_status", "current_job_id",
            "total_jobs_run", "successful_jobs", "failed_jobs", "last_successful_job_id", "cpu_count", "memory_mb", "os_type",
            "power_state", "vm_tools_version", "created_at", "updated_at", "first_job_at", "last_job_at", "last_status_change",
            "auto_added", "last_scheduled_job_id", "next_scheduled_at", "scheduler_enabled", "credential_id", "ossea_config_id",
        }, nullableColumns: new[] { "current_job_id", "last_successful_job_id", "first_job_at", "last_job_at", "last_scheduled_job_id", "next_scheduled_at", "credential_id" },
        uniqueKeys: new[] { "unique_vm_per_vcenter", "unique_vm_name_per_vcenter" }, writes: true),
        new HubTableDefinition("replication_jobs", Prefix + "06-replication_jobs.sql", new[] { "id", "vm_context_id", "status" }),
        new HubTableDefinition("schedule_executions", Prefix + "07-schedule_executions.sql", new[] { "id", "group_id", "status", "scheduled_at" }),
        new HubTableDefinition("vm_disks", Prefix + "08-vm_disks.sql", new[]
        {
            "id", "vm_context_id", "job_id", "disk_id", "vm_dk_path", "size_gb", "datastore", "unit_number", "label", "capacity_bytes",
            "provisioning_type", "ossea_volume_id", "disk_change_id", "sync_status", "sync_progress_percent", "bytes_synced",
            "created_at", "updated_at", "cpu_count", "memory_mb", "os_type", "vm_tools_version", "network_config", "display_name",
            "annotation", "power_state", "vmware_uuid", "bios_setup",
        }, nullableColumns: new[] { "job_id" }, uniqueKeys: new[] { "uk_vm_context_disk" }, writes: true),
        new HubTableDefinition("vm_group_memberships", Prefix + "09-vm_group_memberships.sql", new[]
        {
            "id", "group_id", "vm_context_id", "enabled", "priority", "schedule_override_id", "added_at", "added_by",
        }, nullableColumns: new[] { "schedule_override_id" }, uniqueKeys: new[] { "unique_vm_group" }, writes: true),
    };
}
