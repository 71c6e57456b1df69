using Dapper;
using MySqlConnector;
using Sendense.Core.Flows;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;

namespace Sendense.Hub.Flows;

/// <summary>
/// The protection flow use cases' store over protection_flows, protection_flow_executions and what they point at
/// (SQL in <see cref="FlowSql"/>, WHERE clauses in <see cref="FlowWhere"/>, writes in <see cref="FlowWriter"/>).
/// Every method is one round trip or one transaction; driver failures become SendenseExceptions through HubQuery.
/// </summary>
public sealed class FlowStore : HubStore, IFlowStore
{
    /// <summary>A store for one hub connection.</summary>
    public FlowStore(HubConnection hub)
        : base(hub)
    {
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ProtectionFlow>> ListFlowsAsync(FlowListFilter filter, CancellationToken cancellationToken) =>
        Read("reading protection flows", connection => FlowsAsync(connection, null, filter, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<FlowCreationFacts> LookUpForCreateAsync(FlowLookup lookup, CancellationToken cancellationToken) =>
        Read("checking the protection flows to create", async connection =>
        {
            // One round trip: the VMs, the groups, the repository, the policy and the schedule.
            var parameters = new DynamicParameters(new { repository = lookup.Repository, policy = lookup.Policy, schedule = lookup.Schedule });
            string? vmWhere = FlowWhere.VMKeys(parameters, lookup.ContextIds, lookup.VMNames);
            string? groups = FlowWhere.GroupKeys(parameters, lookup.Groups);
            var sql = new StringBuilder();
            sql.Append(vmWhere is null ? string.Empty : FlowSql.SelectVMKeys + vmWhere + ";");
            sql.Append(groups is null ? string.Empty : groups + ";");
            sql.Append(Reference(FlowReferenceKind.Repository, "repository"));
            sql.Append(lookup.Policy is null ? string.Empty : ";" + Reference(FlowReferenceKind.Policy, "policy"));
            sql.Append(lookup.Schedule is null ? string.Empty : ";" + Reference(FlowReferenceKind.Schedule, "schedule"));
            using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(sql.ToString(), parameters,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            IReadOnlyList<ManagedVMKey> vms = vmWhere is null ? Array.Empty<ManagedVMKey>()
                : (await grid.ReadAsync<VMKey>().ConfigureAwait(false)).Select(row => new ManagedVMKey(row.ContextId, row.Name, row.VCenter)).ToList();
            IReadOnlyList<FlowGroupKey> groupKeys = groups is null ? Array.Empty<FlowGroupKey>() : await GroupKeysAsync(grid).ConfigureAwait(false);
            ReferenceLookup repository = await LookupAsync(grid).ConfigureAwait(false);
            ReferenceLookup policy = lookup.Policy is null ? ReferenceLookup.None : await LookupAsync(grid).ConfigureAwait(false);
            ReferenceLookup schedule = lookup.Schedule is null ? ReferenceLookup.None : await LookupAsync(grid).ConfigureAwait(false);
            return new FlowCreationFacts(vms, groupKeys, repository, policy, schedule);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<FlowKey>> FindFlowsNamedAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Read("checking protection flow names", connection => FlowWriter.NamedAsync(connection, null, names, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ManagedVMKey>> FindVMsAsync(IReadOnlyList<string> contextIds, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Read("looking up the VMs given", async connection =>
        {
            var parameters = new DynamicParameters();
            string? where = FlowWhere.VMKeys(parameters, contextIds, names);
            return where is null ? Array.Empty<ManagedVMKey>() : (IReadOnlyList<ManagedVMKey>)(await connection.QueryAsync<VMKey>(new CommandDefinition(
                FlowSql.SelectVMKeys + where, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(row => new ManagedVMKey(row.ContextId, row.Name, row.VCenter)).ToList();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<FlowGroupKey>> FindGroupsAsync(IReadOnlyList<string> idsOrNames, CancellationToken cancellationToken) =>
        Read("looking up the protection groups given", async connection =>
        {
            var parameters = new DynamicParameters();
            string? sql = FlowWhere.GroupKeys(parameters, idsOrNames);
            return sql is null ? Array.Empty<FlowGroupKey>() : (IReadOnlyList<FlowGroupKey>)(await connection.QueryAsync<GroupKeyRow>(new CommandDefinition(sql, parameters,
                cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(row => row.ToKey()).ToList();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ReferenceLookup> FindReferenceAsync(FlowReferenceKind kind, string idOrName, CancellationToken cancellationToken) =>
        Read($"looking up the {FlowWhere.Table(kind)} row", async connection =>
        {
            using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(Reference(kind, "value"), new { value = idOrName },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return await LookupAsync(grid).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProtectionFlow>> CreateAsync(IReadOnlyList<FlowPlanRow> rows, CancellationToken cancellationToken) =>
        Run($"creating {Plural.Of(rows.Count, "protection flow")}", connection => FlowWriter.InsertAsync(Connection, connection, rows, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProtectionFlow?> UpdateAsync(string flowId, FlowUpdate update, CancellationToken cancellationToken) =>
        Run("changing the protection flow", async connection => await FlowWriter.UpdateAsync(connection, flowId, update, cancellationToken).ConfigureAwait(false)
            ? (await FlowsAsync(connection, null, new FlowListFilter { Ids = new[] { flowId } }, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(f => f.Id == flowId)
            : null, cancellationToken);

    /// <inheritdoc />
    public Task<FlowDeleteFacts> DeleteAsync(string flowId, Func<FlowDeleteFacts, bool> mayDelete, CancellationToken cancellationToken) =>
        Run("removing the protection flow", connection => FlowWriter.DeleteAsync(connection, flowId, mayDelete, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProtectionFlowMember>> ListMembersAsync(IReadOnlyList<string> flowIds, CancellationToken cancellationToken) =>
        Read("reading protection flow members", async connection =>
        {
            var parameters = new DynamicParameters();
            string where = flowIds.Count == 0 ? string.Empty : "WHERE f.id IN " + SqlList.In(parameters, "f", flowIds);
            return (IReadOnlyList<ProtectionFlowMember>)(await connection.QueryAsync<ProtectionFlowMember>(new CommandDefinition(
                string.Format(CultureInfo.InvariantCulture, FlowSql.SelectMembers, where), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProtectionFlowExecution>> ListExecutionsAsync(IReadOnlyList<string> flowIds, int limit, CancellationToken cancellationToken) =>
        Read("reading protection flow executions", async connection =>
        {
            var parameters = new DynamicParameters();
            string where = flowIds.Count == 0 ? string.Empty : "WHERE e.flow_id IN " + SqlList.In(parameters, "f", flowIds);
            return (IReadOnlyList<ProtectionFlowExecution>)(await connection.QueryAsync<ProtectionFlowExecution>(new CommandDefinition(
                string.Format(CultureInfo.InvariantCulture, FlowSql.SelectExecutions, where, limit), parameters, cancellationToken: cancellationToken))
                .ConfigureAwait(false)).ToList();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BackupRepository>> ListRepositoriesAsync(IReadOnlyList<SqlPattern> names, CancellationToken cancellationToken) =>
        Read("reading backup repositories", async connection =>
        {
            var parameters = new DynamicParameters();
            return (IReadOnlyList<BackupRepository>)(await connection.QueryAsync<BackupRepository>(new CommandDefinition(FlowSql.SelectRepositories +
                FlowWhere.Names(parameters, names, "r.name") + " ORDER BY r.name", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BackupPolicy>> ListPoliciesAsync(IReadOnlyList<SqlPattern> names, CancellationToken cancellationToken) =>
        Read("reading backup policies", async connection =>
        {
            var parameters = new DynamicParameters();
            return (IReadOnlyList<BackupPolicy>)(await connection.QueryAsync<BackupPolicy>(new CommandDefinition(FlowSql.SelectPolicies +
                FlowWhere.Names(parameters, names, "p.name") + " ORDER BY p.name", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<VMProtectionFacts>> ReadProtectionAsync(CancellationToken cancellationToken) =>
        Read("reading the protection of managed VMs", async connection =>
        {
            FlowTables tables = await FlowTables.OfAsync(Connection, connection, cancellationToken).ConfigureAwait(false);
            using var command = new MySqlCommand(FlowSql.SelectContextPlaces + ";" + ProtectionSql.FactsSelect(tables), connection)
            {
                CommandTimeout = 120,
            };
            using MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<VMProtectionFacts> facts = await ProtectionSummaryReader.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
            return facts;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> CompleteNamesAsync(FlowReferenceKind kind, SqlPattern pattern, int limit, CancellationToken cancellationToken) =>
        Read("completing names", async connection => (IReadOnlyList<string>)(await connection.QueryAsync<string>(new CommandDefinition(
            string.Format(CultureInfo.InvariantCulture, FlowSql.CompleteNames, FlowWhere.Table(kind), pattern.Predicate("name", "@pattern")),
            new { pattern = pattern.Value, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList(), cancellationToken);

    /// <summary>The flows of a filter, on an open connection (inside a transaction when one is given).</summary>
    internal static async Task<IReadOnlyList<ProtectionFlow>> FlowsAsync(MySqlConnection connection, MySqlTransaction? transaction, FlowListFilter filter,
        CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        string sql = FlowSql.SelectFlows + FlowWhere.Flows(parameters, filter) + FlowSql.FlowOrder;
        return (await connection.QueryAsync<ProtectionFlow>(new CommandDefinition(sql, parameters, transaction, 120, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToList();
    }

    private static string Reference(FlowReferenceKind kind, string parameter) =>
        string.Format(CultureInfo.InvariantCulture, FlowSql.SelectReference, FlowWhere.Table(kind), parameter);

    private static async Task<ReferenceLookup> LookupAsync(SqlMapper.GridReader grid) => new ReferenceLookup(
        (await grid.ReadAsync<ReferenceRow>().ConfigureAwait(false)).Select(row => new HubReference(row.Id, row.Name, row.Enabled != 0)).ToList(),
        (await grid.ReadAsync<string>().ConfigureAwait(false)).ToList());

    private static async Task<IReadOnlyList<FlowGroupKey>> GroupKeysAsync(SqlMapper.GridReader grid) =>
        (await grid.ReadAsync<GroupKeyRow>().ConfigureAwait(false)).Select(row => row.ToKey()).ToList();

    private Task<T> Run<T>(string action, Func<MySqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        HubQuery.RunAsync(Connection, action, work, cancellationToken);

    private Task<T> Read<T>(string action, Func<MySqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        HubQuery.ReadAsync(Connection, action, work, cancellationToken);
}
