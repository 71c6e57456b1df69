using Dapper;
using MySqlConnector;
using Sendense.Core.Flows;
using Sendense.Hub.Groups;

namespace Sendense.Hub.Flows;

/// <summary>
/// The flow writes, each one transaction that rolls back on any failure: the insert of a whole batch (what it points
/// at re-checked under a shared lock first: the hub has no foreign keys on flows, so nothing else would stop a VM,
/// group or repository from vanishing before the commit), the update, and the delete with its executions.
/// </summary>
internal static class FlowWriter
{
    private const int RowsPerStatement = 1000;

    internal static async Task<IReadOnlyList<FlowKey>> NamedAsync(MySqlConnection connection, MySqlTransaction? transaction, IReadOnlyList<string> names,
        CancellationToken cancellationToken)
    {
        var found = new List<FlowKey>();
        for (int start = 0; start < names.Count; start += RowsPerStatement)
        {
            var parameters = new DynamicParameters();
            string list = SqlList.In(parameters, "n", names.Skip(start).Take(RowsPerStatement).ToList());
            found.AddRange((await connection.QueryAsync<InsertedRow>(new CommandDefinition(FlowSql.SelectFlowsNamed + list, parameters, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(row => new FlowKey(row.Id, row.Name)));
        }

        return found;
    }

    internal static async Task<IReadOnlyList<ProtectionFlow>> InsertAsync(HubConnection hub, MySqlConnection connection, IReadOnlyList<FlowPlanRow> rows,
        CancellationToken cancellationToken)
    {
        bool returning = GroupInserter.SupportsReturning(hub.ServerVersion);
        try
        {
            return await HubQuery.InTransactionAsync(connection, async transaction =>
            {
                await RecheckAsync(connection, transaction, rows, cancellationToken).ConfigureAwait(false);
                var idByName = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int start = 0; start < rows.Count; start += RowsPerStatement)
                {
                    List<FlowPlanRow> chunk = rows.Skip(start).Take(RowsPerStatement).ToList();
                    (string sql, DynamicParameters parameters) = Insert(chunk);
                    IEnumerable<InsertedRow> inserted = returning
                        ? await connection.QueryAsync<InsertedRow>(new CommandDefinition(sql + FlowSql.Returning, parameters, transaction, 120,
                            cancellationToken: cancellationToken)).ConfigureAwait(false)
                        : await InsertThenReadAsync(connection, transaction, sql, parameters, chunk, cancellationToken).ConfigureAwait(false);
                    inserted.ToList().ForEach(row => idByName[row.Name] = row.Id);
                }

                List<string> ids = rows.Select(row => idByName[row.Name]).ToList();
                Dictionary<string, ProtectionFlow> written = (await FlowStore.FlowsAsync(connection, transaction, new FlowListFilter { Ids = ids },
                    cancellationToken).ConfigureAwait(false)).ToDictionary(flow => flow.Id, StringComparer.Ordinal);
                return (IReadOnlyList<ProtectionFlow>)ids.Select(id => written[id]).ToList();
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (MySqlException exception) when (exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry && exception.Message.Contains("for key 'name'"))
        {
            throw Messages.Flows.NameTakenConcurrently(exception.Message, exception);
        }
    }

    internal static async Task<bool> UpdateAsync(MySqlConnection connection, string flowId, FlowUpdate update, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { id = flowId });
        var sets = new List<string>();
        void Set(string column, object? value)
        {
            parameters.Add(column, value);
            sets.Add($"{column} = @{column}");
        }

        if (update.Name is not null)
        {
            Set("name", update.Name);
        }

        if (update.SetDescription)
        {
            Set("description", update.Description);
        }

        if (update.RepositoryId is not null)
        {
            Set("repository_id", update.RepositoryId);
        }

        if (update.SetPolicy)
        {
            Set("policy_id", update.PolicyId);
        }

        if (update.SetSchedule)
        {
            Set("schedule_id", update.ScheduleId);
        }

        if (update.Enabled is bool enabled)
        {
            Set("enabled", enabled ? 1 : 0);
        }

        // Contract §6.8: never the engine's columns (last_execution_*, counters); updated_at as the hub's API sets it.
        string sql = "UPDATE protection_flows SET " + string.Join(", ", sets) + ", updated_at = NOW() WHERE id = @id;SELECT COUNT(*) FROM protection_flows WHERE id = @id";
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        }
        catch (MySqlException exception) when (exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            throw Messages.Flows.NameTakenConcurrently(exception.Message, exception);
        }
    }

    internal static Task<FlowDeleteFacts> DeleteAsync(MySqlConnection connection, string flowId, Func<FlowDeleteFacts, bool> mayDelete,
        CancellationToken cancellationToken) =>
        HubQuery.InTransactionAsync(connection, async transaction =>
        {
            using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(FlowSql.CheckFlowForDelete, new { id = flowId },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            bool exists = (await grid.ReadAsync<string>().ConfigureAwait(false)).Any();
            DeleteCountsRow counts = await grid.ReadSingleAsync<DeleteCountsRow>().ConfigureAwait(false);
            var facts = new FlowDeleteFacts(exists, (int)counts.Executions, (int)counts.Running, Deleted: false);
            if (!exists || !mayDelete(facts))
            {
                return facts;
            }

            await connection.ExecuteAsync(new CommandDefinition(FlowSql.DeleteFlow, new { id = flowId }, transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            return facts with { Deleted = true };
        }, cancellationToken);

    private static (string Sql, DynamicParameters Parameters) Insert(List<FlowPlanRow> chunk)
    {
        var parameters = new DynamicParameters();
        var sql = new StringBuilder(FlowSql.InsertHead, FlowSql.InsertHead.Length + chunk.Count * 120);
        for (int i = 0; i < chunk.Count; i++)
        {
            string n = i.ToString(CultureInfo.InvariantCulture);
            FlowPlanRow row = chunk[i];
            parameters.Add("n" + n, row.Name);
            parameters.Add("d" + n, row.Description);
            parameters.Add("t" + n, row.TargetType);
            parameters.Add("i" + n, row.TargetId);
            parameters.Add("r" + n, row.RepositoryId);
            parameters.Add("p" + n, row.PolicyId);
            parameters.Add("s" + n, row.ScheduleId);
            parameters.Add("e" + n, row.Enabled ? 1 : 0);
            parameters.Add("b" + n, row.CreatedBy);
            sql.Append(i == 0 ? string.Empty : ",").AppendFormat(CultureInfo.InvariantCulture, FlowSql.InsertRow, n);
        }

        return (sql.ToString(), parameters);
    }

    // Before MariaDB 10.5 (no RETURNING): the unique names find the rows the transaction just wrote.
    private static async Task<IEnumerable<InsertedRow>> InsertThenReadAsync(MySqlConnection connection, MySqlTransaction transaction, string sql,
        DynamicParameters parameters, List<FlowPlanRow> chunk, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, 120, cancellationToken: cancellationToken)).ConfigureAwait(false);
        IReadOnlyList<FlowKey> found = await NamedAsync(connection, transaction, chunk.Select(row => row.Name).ToList(), cancellationToken).ConfigureAwait(false);
        return chunk.Select(row => new InsertedRow
        {
            Name = row.Name,
            Id = found.First(key => FlowRules.NameKey(key.Name) == FlowRules.NameKey(row.Name)).Id,
        });
    }

    // The targets, the repository (still enabled), the policy and the schedule, read under a shared lock: none can be
    // removed or disabled by another session until this transaction ends.
    private static async Task RecheckAsync(MySqlConnection connection, MySqlTransaction transaction, IReadOnlyList<FlowPlanRow> rows,
        CancellationToken cancellationToken)
    {
        FlowPlanRow first = rows[0];
        List<string> vms = rows.Where(r => r.TargetType == "vm").Select(r => r.TargetId).Distinct(StringComparer.Ordinal).ToList();
        List<string> groups = rows.Where(r => r.TargetType == "group").Select(r => r.TargetId).Distinct(StringComparer.Ordinal).ToList();
        var parameters = new DynamicParameters(new { repository = first.RepositoryId, policy = first.PolicyId, schedule = first.ScheduleId });
        string sql = (vms.Count == 0 ? "SELECT 0" : "SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id IN " + SqlList.In(parameters, "v", vms) + " LOCK IN SHARE MODE") + ";" +
            (groups.Count == 0 ? "SELECT 0" : "SELECT COUNT(*) FROM vm_machine_groups WHERE id IN " + SqlList.In(parameters, "g", groups) + " LOCK IN SHARE MODE") + ";" +
            "SELECT COUNT(*) FROM backup_repositories WHERE id = @repository AND enabled <> 0 LOCK IN SHARE MODE;" +
            "SELECT @policy IS NULL OR EXISTS (SELECT 1 FROM backup_policies WHERE id = @policy LOCK IN SHARE MODE);" +
            "SELECT @schedule IS NULL OR EXISTS (SELECT 1 FROM replication_schedules WHERE id = @schedule LOCK IN SHARE MODE)";
        using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, transaction, 120,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        long vmCount = await grid.ReadSingleAsync<long>().ConfigureAwait(false);
        long groupCount = await grid.ReadSingleAsync<long>().ConfigureAwait(false);
        long repository = await grid.ReadSingleAsync<long>().ConfigureAwait(false);
        long policy = await grid.ReadSingleAsync<long>().ConfigureAwait(false);
        long schedule = await grid.ReadSingleAsync<long>().ConfigureAwait(false);
        string? gone = vmCount < vms.Count ? "A target VM" : groupCount < groups.Count ? "A target protection group"
            : repository == 0 ? $"Backup repository '{first.RepositoryName}' (or its enabled flag)" : policy == 0 ? "The backup policy" : schedule == 0 ? "The schedule" : null;
        if (gone is not null)
        {
            throw Messages.Flows.RemovedDuringWrite(gone);
        }
    }
}
