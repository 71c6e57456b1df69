using MySqlConnector;
using Sendense.Core.VMs;

namespace Sendense.Hub.VMs;

/// <summary>
/// Builds a batch's one transaction, START TRANSACTION to COMMIT, as one command: the new contexts and disks as
/// multi-row INSERTs, the refreshes staged in temporary tables and applied with UPDATE ... JOIN (a guard stops the
/// transaction server-side when a refreshed context vanished). Rows go in primary key order: concurrent writers then
/// lock keys in the same order (fewer deadlocks) and InnoDB appends to its clustered index.
/// </summary>
internal static class VMAddStatement
{
    internal static MySqlCommand Build(IReadOnlyList<VMAddDecision> decisions, DateTime now, long osseaConfigId)
    {
        DateTime milliseconds = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), now.Kind);
        var command = new MySqlCommand();
        var sql = new SqlText(command);
        sql.Sql("START TRANSACTION;\n");

        List<VMAddDecision> adds = InKeyOrder(decisions, VMAddAction.Add);
        List<VMAddDecision> refreshes = InKeyOrder(decisions, VMAddAction.Refresh);
        RowColumns.Insert(sql, "vm_replication_contexts", ContextRow.Insert, adds.Select(d => new NewContext(d, osseaConfigId)));

        List<VMAddDecision> changed = refreshes.Where(d => d.ChangedColumns.Count > 0).ToList();
        if (changed.Count > 0)
        {
            sql.Sql(VMAddSql.RefreshTable);
            RowColumns.Insert(sql, "sd_vm_refresh", ContextRow.Refresh, changed.Select(d => new RefreshedContext(d)));
            sql.Sql(string.Format(CultureInfo.InvariantCulture, VMAddSql.RefreshApply, Seconds(now)));
            sql.Sql(string.Format(CultureInfo.InvariantCulture, VMAddSql.RefreshGuard, changed.Count));
        }

        // A new VM's disks share its creation time; disks found on a refresh are created now.
        List<VMAddDecision> inKeyOrder = adds.Concat(refreshes).ToList();
        RowColumns.Insert(sql, "vm_disks", DiskRow.Insert, inKeyOrder.SelectMany(d => d.NewDisks.Select(disk =>
            new NewDisk(d.ContextId, disk, d.Action == VMAddAction.Add ? d.PlannedAt : milliseconds))));

        List<RefreshedDisk> updated = inKeyOrder.SelectMany(d => d.UpdatedDisks.Select(u => new RefreshedDisk(u.Key, u.Value))).ToList();
        if (updated.Count > 0)
        {
            sql.Sql(VMAddSql.DiskRefreshTable);
            RowColumns.Insert(sql, "sd_disk_refresh", DiskRow.Refresh, updated);
            sql.Sql(string.Format(CultureInfo.InvariantCulture, VMAddSql.DiskRefreshApply, Milliseconds(milliseconds)));
        }

        // Update-SendenseVM: rows of disks gone from vCenter; the WHERE repeats the rule that a job's disk row stays.
        List<long> vanished = refreshes.SelectMany(d => d.VanishedDisks).OrderBy(id => id).ToList();
        if (vanished.Count > 0)
        {
            sql.Sql("DELETE FROM vm_disks WHERE job_id IS NULL AND id IN (" +
                string.Join(",", vanished.Select(id => id.ToString(CultureInfo.InvariantCulture))) + ");\n");
        }

        sql.Sql("COMMIT;");
        return sql.Build();
    }

    private static List<VMAddDecision> InKeyOrder(IReadOnlyList<VMAddDecision> decisions, VMAddAction action) =>
        decisions.Where(d => d.Action == action).OrderBy(d => d.ContextId, StringComparer.OrdinalIgnoreCase).ToList();

    private static string Seconds(DateTime time) => "'" + time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";

    private static string Milliseconds(DateTime time) => "'" + time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "'";
}
