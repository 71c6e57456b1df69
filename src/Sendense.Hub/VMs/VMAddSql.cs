namespace Sendense.Hub.VMs;

/// <summary>
/// The fixed SQL of Add-SendenseVM. Temporary tables are created with <c>CREATE ... SELECT ... LIMIT 0</c> from
/// the hub's own tables, so their columns have exactly the hub's types and collations: every comparison MariaDB
/// makes between input and rows (case-insensitive, trailing spaces ignored) is the one the unique keys make.
/// Each statement refers to each temporary table once (older MariaDB cannot reopen a temporary table in one statement).
/// </summary>
internal static class VMAddSql
{
    /// <summary>The run's clock, the active OSSEA config (upstream: newest active, else 0) and the credential's state.</summary>
    internal const string Open =
        "SELECT NOW(6), " +
        "(SELECT id FROM ossea_configs WHERE is_active = 1 ORDER BY id DESC LIMIT 1), " +
        "(SELECT is_active FROM vmware_credentials WHERE id = @credential)";

    /// <summary>A fresh input table for one batch.</summary>
    internal const string PlanPrologue =
        "DROP TEMPORARY TABLE IF EXISTS sd_vm_input;\n" +
        "CREATE TEMPORARY TABLE sd_vm_input (PRIMARY KEY (idx), KEY k_uuid (vcenter_host, vmware_vm_id), KEY k_name (vcenter_host, vm_name), " +
        "KEY k_plain (ctx_plain), KEY k_suffixed (ctx_suffixed)) " +
        "SELECT CAST(0 AS SIGNED) AS idx, vm_name, vmware_vm_id, vcenter_host, context_id AS ctx_plain, context_id AS ctx_suffixed " +
        "FROM vm_replication_contexts LIMIT 0;\n" +
        "INSERT INTO sd_vm_input (idx, vm_name, vmware_vm_id, vcenter_host, ctx_plain, ctx_suffixed) VALUES ";

    private const string UuidJoin = "sd_vm_input i JOIN vm_replication_contexts c ON c.vmware_vm_id = i.vmware_vm_id AND c.vcenter_host = i.vcenter_host";

    /// <summary>
    /// What the hub knows about the batch, as plain SELECTs: consistent reads that take no row locks, so planning
    /// never waits for (or blocks) the hub's own writers. They share one snapshot (a repeatable-read transaction),
    /// so a row another writer commits meanwhile is seen by all of them or by none: never matched by name but not
    /// by uuid. Results, in order: rows matching by uuid, rows matching by name (both with the input index first),
    /// inputs whose plain / suffixed context id is taken, groups of equal inputs (uuid, name, plain id, suffixed
    /// id), group names and disks of the uuid-matched rows.
    /// <para>
    /// The joins are STRAIGHT_JOIN: the batch's input table drives, and each hub table is reached by its index. The
    /// optimizer would choose by the tables' statistics, and right after a large add into a young hub those still
    /// say "empty" (InnoDB recalculates them in the background): it then scanned and sorted every vm_disks row for
    /// every batch, and a rerun of the same 10,000-VM add took 1.2-1.7 s instead of 0.7-1.0 s, depending on whether
    /// the recalculation had happened yet.
    /// </para>
    /// </summary>
    internal const string PlanQueries =
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\n" +
        "START TRANSACTION WITH CONSISTENT SNAPSHOT;\n" +
        "SELECT STRAIGHT_JOIN i.idx, " + ContextColumns.SelectList + " FROM " + UuidJoin + ";\n" +
        "SELECT STRAIGHT_JOIN i.idx, " + ContextColumns.SelectList + " FROM sd_vm_input i JOIN vm_replication_contexts c ON c.vm_name = i.vm_name AND c.vcenter_host = i.vcenter_host;\n" +
        "SELECT STRAIGHT_JOIN i.idx FROM sd_vm_input i JOIN vm_replication_contexts c ON c.context_id = i.ctx_plain WHERE i.ctx_plain <> '';\n" +
        "SELECT STRAIGHT_JOIN i.idx FROM sd_vm_input i JOIN vm_replication_contexts c ON c.context_id = i.ctx_suffixed;\n" +
        "SELECT GROUP_CONCAT(idx ORDER BY idx) FROM sd_vm_input GROUP BY vcenter_host, vmware_vm_id HAVING COUNT(*) > 1;\n" +
        "SELECT GROUP_CONCAT(idx ORDER BY idx) FROM sd_vm_input GROUP BY vcenter_host, vm_name HAVING COUNT(*) > 1;\n" +
        "SELECT GROUP_CONCAT(idx ORDER BY idx) FROM sd_vm_input WHERE ctx_plain <> '' GROUP BY ctx_plain HAVING COUNT(*) > 1;\n" +
        "SELECT GROUP_CONCAT(idx ORDER BY idx) FROM sd_vm_input GROUP BY ctx_suffixed HAVING COUNT(*) > 1;\n" +
        "SELECT STRAIGHT_JOIN m.vm_context_id, g.name FROM " + UuidJoin + " JOIN vm_group_memberships m ON m.vm_context_id = c.context_id " +
        "JOIN vm_machine_groups g ON g.id = m.group_id ORDER BY m.vm_context_id, g.name;\n" +
        "SELECT STRAIGHT_JOIN " + ContextColumns.DiskSelectList + " FROM " + UuidJoin + " JOIN vm_disks d ON d.vm_context_id = c.context_id ORDER BY d.vm_context_id, d.disk_id;\n" +
        "COMMIT;\n" +
        "DROP TEMPORARY TABLE IF EXISTS sd_vm_input;";

    /// <summary>A fresh staging table for refreshed contexts, with the hub's own column types (ContextRow.Refresh's columns).</summary>
    internal static readonly string RefreshTable =
        "DROP TEMPORARY TABLE IF EXISTS sd_vm_refresh;\n" +
        "CREATE TEMPORARY TABLE sd_vm_refresh (PRIMARY KEY (context_id)) SELECT " + string.Join(", ", ContextRow.Refresh.Select(c => c.Name)) +
        " FROM vm_replication_contexts LIMIT 0;\n";

    /// <summary>A fresh staging table for refreshed disk rows (DiskRow.Refresh's columns).</summary>
    internal static readonly string DiskRefreshTable =
        "DROP TEMPORARY TABLE IF EXISTS sd_disk_refresh;\n" +
        "CREATE TEMPORARY TABLE sd_disk_refresh (PRIMARY KEY (id)) SELECT " + string.Join(", ", DiskRow.Refresh.Select(c => c.Name)) +
        " FROM vm_disks LIMIT 0;\n";

    /// <summary>Applies sd_vm_refresh; {0} is the updated_at parameter.</summary>
    internal const string RefreshApply =
        "UPDATE vm_replication_contexts c JOIN sd_vm_refresh r ON r.context_id = c.context_id SET " +
        "c.vm_name = r.vm_name, c.vm_path = r.vm_path, c.datacenter = r.datacenter, c.cpu_count = r.cpu_count, c.memory_mb = r.memory_mb, " +
        "c.os_type = r.os_type, c.power_state = r.power_state, c.vm_tools_version = r.vm_tools_version, " +
        "c.credential_id = COALESCE(r.credential_id, c.credential_id), c.updated_at = {0};\n";

    /// <summary>
    /// Stops the transaction (before COMMIT) when a refreshed context vanished since it was read: the server runs
    /// the whole multi-statement without waiting for the client, so the check has to happen server-side.
    /// {0} is the expected row count.
    /// </summary>
    internal const string RefreshGuard =
        "BEGIN NOT ATOMIC IF ROW_COUNT() <> {0} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '" + VanishedMarker + "'; END IF; END;\n";

    /// <summary>The message of the guard's signal, recognised as a write conflict.</summary>
    internal const string VanishedMarker = "sendense: a refreshed VM context changed concurrently";

    /// <summary>Applies sd_disk_refresh to job-less rows only; {0} is the updated_at parameter.</summary>
    internal const string DiskRefreshApply =
        "UPDATE vm_disks d JOIN sd_disk_refresh r ON r.id = d.id SET d.vm_dk_path = r.vm_dk_path, d.size_gb = r.size_gb, " +
        "d.datastore = r.datastore, d.unit_number = r.unit_number, d.label = r.label, d.capacity_bytes = r.capacity_bytes, " +
        "d.provisioning_type = r.provisioning_type, d.updated_at = {0} WHERE d.job_id IS NULL;\n";
}
