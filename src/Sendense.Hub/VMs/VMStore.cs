using MySqlConnector;
using Sendense.Core.VMs;

namespace Sendense.Hub.VMs;

/// <summary>
/// The VM use cases' store over vm_replication_contexts and vm_disks: one query per read (VMQuerySql), the removal in
/// one statement (VMRemoveSql), and an add session per run (VMAddSession). Driver failures become SendenseExceptions
/// that name the hub and the action (HubErrors).
/// </summary>
public sealed class VMStore : HubStore, IVMStore
{
    /// <summary>A store for one hub connection.</summary>
    public VMStore(HubConnection hub)
        : base(hub)
    {
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VM>> QueryAsync(VMQuery query, CancellationToken cancellationToken) =>
        HubQuery.ReadAsync(Connection, query.UngroupedOnly ? "listing ungrouped VMs" : "listing VMs", async connection =>
        {
            // The command is made here rather than by a shared helper: one async layer less to compile on a process's
            // first listing (docs/benchmarks.md, "first call").
            using var command = ReadCommand(connection);
            var sql = new SqlText(command);
            Flows.FlowTables? protection = query.IncludeProtection ? await Flows.FlowTables.OfAsync(Connection, connection, cancellationToken).ConfigureAwait(false) : null;
            // One round trip: the listing, then (with protection) the facts of every context and the flow names.
            VMQuerySql.Build(sql, query);
            if (protection is not null)
            {
                sql.Sql(";").Sql(Flows.ProtectionSql.FactsSelect(protection));
            }

            if (protection is { HasFlows: true })
            {
                sql.Sql(";").Sql(Flows.ProtectionSql.NamesSelect);
            }

            using MySqlDataReader reader = await sql.Build().ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            List<VM> vms = await VMRowFolder.ReadAsync(reader, cancellationToken, null).ConfigureAwait(false);
            if (protection is not null)
            {
                await Flows.ProtectionSql.ReadAsync(reader, vms, protection.HasFlows, cancellationToken).ConfigureAwait(false);
            }

            return (IReadOnlyList<VM>)vms;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<VMRemovalTarget>> QueryForRemovalAsync(VMQuery query, CancellationToken cancellationToken) =>
        ReadAsync("finding the VMs to remove", async (connection, sql) =>
        {
            bool hasBackups = await HasBackupJobsAsync(connection, cancellationToken).ConfigureAwait(false);
            VMQuerySql.Build(sql, query, VMRemoveSql.BusyReason(sql, hasBackups));
            var reasons = new Dictionary<VM, string?>();
            using MySqlDataReader reader = await sql.Build().ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            List<VM> vms = await VMRowFolder.ReadAsync(reader, cancellationToken,
                (vm, row) => reasons[vm] = row.IsDBNull(VMQuerySql.GroupOrdinal + 1) ? null : row.GetString(VMQuerySql.GroupOrdinal + 1)).ConfigureAwait(false);
            return (IReadOnlyList<VMRemovalTarget>)vms.Select(vm => new VMRemovalTarget(vm, reasons[vm])).ToList();
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, VMRemovalResult>> RemoveAsync(IReadOnlyList<string> contextIds, bool force, CancellationToken cancellationToken)
    {
        if (contextIds is null || contextIds.Count == 0)
        {
            return new Dictionary<string, VMRemovalResult>();
        }

        return await HubQuery.RunAsync(Connection, $"removing {contextIds.Count} VM(s)", async connection =>
        {
            bool hasBackups = await HasBackupJobsAsync(connection, cancellationToken).ConfigureAwait(false);
            using var command = new MySqlCommand { Connection = connection, CommandTimeout = 300 };
            var sql = new SqlText(command);
            VMRemoveSql.Delete(sql, string.Join(", ", contextIds.Select(id => sql.Parameter(id))), force, hasBackups);
            var before = new HashSet<string>(StringComparer.Ordinal);
            var after = new HashSet<string>(StringComparer.Ordinal);
            using (MySqlDataReader reader = await sql.Build().ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await ReadIdsAsync(reader, before, cancellationToken).ConfigureAwait(false);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                await ReadIdsAsync(reader, after, cancellationToken).ConfigureAwait(false);
            }

            return (IReadOnlyDictionary<string, VMRemovalResult>)contextIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id =>
                !before.Contains(id) ? VMRemovalResult.AlreadyGone : after.Contains(id) ? VMRemovalResult.Busy : VMRemovalResult.Removed, StringComparer.Ordinal);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> CompleteAsync(VMColumn column, string prefix, int limit, CancellationToken cancellationToken) =>
        ReadAsync("completing names", async (connection, sql) =>
        {
            string name = column switch { VMColumn.Datacenter => "datacenter", VMColumn.VCenter => "vcenter_host", _ => "vm_name" };
            // No prefix (Add-SendenseVM reading every vCenter name) needs no pattern: the same rows as LIKE '%', and no
            // parameter object for the driver to bind.
            string where = prefix.Length == 0
                ? $"{name} IS NOT NULL"
                : $"{name} LIKE {sql.Parameter(new Wildcard(Wildcard.Escape(prefix) + "*").ToLike())} ESCAPE '{SqlPattern.LikeEscape}'";
            sql.Sql($"SELECT DISTINCT {name} FROM vm_replication_contexts WHERE {where} ORDER BY {name} LIMIT ")
                .Value(Math.Max(1, limit));
            var values = new List<string>();
            using MySqlDataReader reader = await sql.Build().ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                values.Add(reader.GetString(0));
            }

            return (IReadOnlyList<string>)values;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IVMAddSession> OpenAddSessionAsync(int? credentialId, CancellationToken cancellationToken) =>
        await VMAddSession.OpenAsync(Connection, credentialId, cancellationToken).ConfigureAwait(false);

    private Task<T> ReadAsync<T>(string action, Func<MySqlConnection, SqlText, Task<T>> read, CancellationToken cancellationToken) =>
        HubQuery.ReadAsync(Connection, action, async connection =>
        {
            using MySqlCommand command = ReadCommand(connection);
            return await read(connection, new SqlText(command)).ConfigureAwait(false);
        }, cancellationToken);

    private static MySqlCommand ReadCommand(MySqlConnection connection) => new MySqlCommand { Connection = connection, CommandTimeout = 120 };

    private static async Task ReadIdsAsync(MySqlDataReader reader, HashSet<string> into, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            into.Add(reader.GetString(0));
        }
    }

    private static async Task<bool> HasBackupJobsAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        using var command = new MySqlCommand(VMRemoveSql.HasBackupJobs, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }
}
