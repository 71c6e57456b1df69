using Sendense.Core.VMs;

namespace Sendense.Hub.VMs;

/// <summary>
/// The busy rule of Remove-SendenseVM (VMBusyRule) in SQL: as a readable reason per row, and as the predicate the
/// DELETE repeats, so a job that starts between resolving and deleting still protects its VM.
/// </summary>
internal static class VMRemoveSql
{
    /// <summary>Whether the hub has backup_jobs (older hubs do not).</summary>
    internal const string HasBackupJobs =
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'backup_jobs'";

    /// <summary>A readable reason, NULL when the VM is free to go (over alias c).</summary>
    internal static string BusyReason(SqlText sql, bool hasBackups)
    {
        var text = new StringBuilder("CASE WHEN c.current_status IN (").Append(List(sql, VMBusyRule.BusyStatuses))
            .Append(") THEN CONCAT('its status is ', c.current_status) ELSE COALESCE(")
            .Append("(SELECT CONCAT('replication job ', j.id, ' is ', j.status) FROM replication_jobs j ")
            .Append("WHERE (j.vm_context_id = c.context_id OR j.id = c.current_job_id) AND j.status IN (").Append(List(sql, VMBusyRule.ActiveJobStatuses)).Append(") LIMIT 1)");
        if (hasBackups)
        {
            text.Append(", (SELECT CONCAT('backup job ', b.id, ' is ', b.status) FROM backup_jobs b WHERE b.vm_context_id = c.context_id AND b.status IN (")
                .Append(List(sql, VMBusyRule.ActiveBackupStatuses)).Append(") LIMIT 1)");
        }

        return text.Append(") END").ToString();
    }

    /// <summary>The DELETE with its before/after reads, for <paramref name="ids"/> (placeholders).</summary>
    internal static void Delete(SqlText sql, string ids, bool force, bool hasBackups)
    {
        sql.Sql("SELECT context_id FROM vm_replication_contexts WHERE context_id IN (").Sql(ids).Sql(");\n");
        sql.Sql("DELETE FROM vm_replication_contexts WHERE context_id IN (").Sql(ids).Sql(")");
        if (!force)
        {
            sql.Sql(" AND NOT (").Sql(BusyPredicate(sql, "vm_replication_contexts", hasBackups)).Sql(")");
        }

        sql.Sql(";\nSELECT context_id FROM vm_replication_contexts WHERE context_id IN (").Sql(ids).Sql(");");
    }

    private static string BusyPredicate(SqlText sql, string table, bool hasBackups)
    {
        var text = new StringBuilder().Append(table).Append(".current_status IN (").Append(List(sql, VMBusyRule.BusyStatuses)).Append(')')
            .Append(" OR EXISTS (SELECT 1 FROM replication_jobs j WHERE (j.vm_context_id = ").Append(table).Append(".context_id OR j.id = ")
            .Append(table).Append(".current_job_id) AND j.status IN (").Append(List(sql, VMBusyRule.ActiveJobStatuses)).Append("))");
        if (hasBackups)
        {
            text.Append(" OR EXISTS (SELECT 1 FROM backup_jobs b WHERE b.vm_context_id = ").Append(table).Append(".context_id AND b.status IN (")
                .Append(List(sql, VMBusyRule.ActiveBackupStatuses)).Append("))");
        }

        return text.ToString();
    }

    private static string List(SqlText sql, IReadOnlyList<string> values) => string.Join(", ", values.Select(v => sql.Parameter(v)));
}
