using MySqlConnector;
using Sendense.Core.VMs;
using Sendense.Hub.Connection;

namespace Sendense.Hub.VMs;

/// <summary>
/// Remove-SendenseVM: resolves contexts with their busy state in one query, then deletes the approved ones in one
/// statement whose WHERE repeats the busy rule, so a job that starts in between still protects its VM. Everything
/// that hangs off a context (disks, memberships, jobs, volumes, backup rows) goes with it through the schema's
/// ON DELETE CASCADE keys; nothing is deleted by hand.
/// </summary>
public static class VMRemoveEngine
{
    /// <summary>Managed VMs matching the filter (context ids and/or name patterns), each with its busy reason.</summary>
    public static async Task<IReadOnlyList<VMRemovalTarget>> ResolveAsync(HubConnection hub, VMFilter filter, CancellationToken cancellationToken)
    {
        if (filter is null)
        {
            throw new ArgumentNullException(nameof(filter));
        }

        HubSession session = HubEngine.SessionOf(hub);
        try
        {
            using MySqlConnection connection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            bool hasBackups = await HasBackupJobsAsync(connection, cancellationToken).ConfigureAwait(false);
            using var command = new MySqlCommand { Connection = connection, CommandTimeout = 120 };
            var sql = new SqlText(command);
            VMQuerySql.Build(sql, filter, BusyReasonExpression(sql, hasBackups));
            sql.Build();
            var reasons = new Dictionary<VM, string?>();
            using MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            List<VM> vms = await VMQueryEngine.ReadFoldedAsync(reader, cancellationToken,
                (vm, row) => reasons[vm] = row.IsDBNull(VMQuerySql.GroupOrdinal + 1) ? null : row.GetString(VMQuerySql.GroupOrdinal + 1)).ConfigureAwait(false);
            return vms.Select(vm => new VMRemovalTarget(vm, reasons[vm])).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not SendenseException)
        {
            throw HubErrors.FromQuery(exception, "finding the VMs to remove", hub.ToString());
        }
    }

    /// <summary>
    /// Deletes the contexts; unless <paramref name="force"/>, a context that is busy at that moment is kept. Returns
    /// the result per context id.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, VMRemovalResult>> RemoveAsync(HubConnection hub, IReadOnlyList<string> contextIds, bool force, CancellationToken cancellationToken)
    {
        if (contextIds is null)
        {
            throw new ArgumentNullException(nameof(contextIds));
        }

        var results = new Dictionary<string, VMRemovalResult>(StringComparer.Ordinal);
        if (contextIds.Count == 0)
        {
            return results;
        }

        HubSession session = HubEngine.SessionOf(hub);
        try
        {
            using MySqlConnection connection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            bool hasBackups = await HasBackupJobsAsync(connection, cancellationToken).ConfigureAwait(false);
            using var command = new MySqlCommand { Connection = connection, CommandTimeout = 300 };
            var sql = new SqlText(command);
            string ids = string.Join(", ", contextIds.Select(id => sql.Parameter(id)));
            sql.Sql("SELECT context_id FROM vm_replication_contexts WHERE context_id IN (").Sql(ids).Sql(");\n");
            sql.Sql("DELETE FROM vm_replication_contexts WHERE context_id IN (").Sql(ids).Sql(")");
            if (!force)
            {
                sql.Sql(" AND NOT (").Sql(BusyPredicate(sql, "vm_replication_contexts", hasBackups)).Sql(")");
            }

            sql.Sql(";\nSELECT context_id FROM vm_replication_contexts WHERE context_id IN (").Sql(ids).Sql(");");
            sql.Build();

            var before = new HashSet<string>(StringComparer.Ordinal);
            var after = new HashSet<string>(StringComparer.Ordinal);
            using (MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    before.Add(reader.GetString(0));
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    after.Add(reader.GetString(0));
                }
            }

            foreach (string id in contextIds)
            {
                results[id] = !before.Contains(id) ? VMRemovalResult.AlreadyGone
                    : after.Contains(id) ? VMRemovalResult.Busy
                    : VMRemovalResult.Removed;
            }

            return results;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not SendenseException)
        {
            throw HubErrors.FromQuery(exception, $"removing {contextIds.Count} VM(s)", hub.ToString());
        }
    }

    // A readable reason, NULL when the VM is free to go.
    private static string BusyReasonExpression(SqlText sql, bool hasBackups)
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

    private static async Task<bool> HasBackupJobsAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        using var command = new MySqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'backup_jobs'", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
