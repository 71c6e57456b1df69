using Dapper;
using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>
/// The protection group use cases' store over vm_machine_groups and vm_group_memberships (SQL in <see cref="GroupSql"/>,
/// WHERE clauses in <see cref="GroupWhere"/>). Every method is one round trip or one transaction; driver failures
/// become SendenseExceptions through <see cref="HubQuery"/>.
/// </summary>
public sealed class GroupStore : HubStore, IGroupStore
{
    private readonly GroupWriteOptions _options;

    /// <summary>A store for one hub connection.</summary>
    public GroupStore(HubConnection hub)
        : this(hub, GroupWriteOptions.Default)
    {
    }

    internal GroupStore(HubConnection hub, GroupWriteOptions options)
        : base(hub)
    {
        _options = options;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ProtectionGroup>> ListGroupsAsync(IReadOnlyList<SqlPattern> names, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        Read("reading protection groups", connection =>
        {
            var parameters = new DynamicParameters();
            return GroupsAsync(connection, GroupWhere.Groups(parameters, names, ids), parameters, cancellationToken);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProtectionGroup>> FindGroupsAsync(IReadOnlyList<string> idsOrNames, CancellationToken cancellationToken) =>
        Read("looking up protection groups", connection =>
        {
            var parameters = new DynamicParameters();
            return GroupsAsync(connection, GroupWhere.IdsOrNames(parameters, idsOrNames), parameters, cancellationToken);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<GroupKey?> FindGroupNamedAsync(string name, string? exceptId, CancellationToken cancellationToken) =>
        Read("checking the protection group name", connection => GroupNamedAsync(connection, name, exceptId, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ManagedVMKey>> FindVMsAsync(IReadOnlyList<string> contextIds, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Read("looking up the VMs given", async connection =>
        {
            var parameters = new DynamicParameters();
            string? where = GroupWhere.VMKeys(parameters, contextIds, names);
            IEnumerable<VMKeyRow> rows = where is null
                ? Array.Empty<VMKeyRow>()
                : await connection.QueryAsync<VMKeyRow>(new CommandDefinition(GroupSql.SelectVMKeys + where, parameters,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            return (IReadOnlyList<ManagedVMKey>)rows.Select(row => row.ToModel()).ToList();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ScheduleLookup> FindScheduleAsync(string schedule, CancellationToken cancellationToken) =>
        Read("looking up the replication schedule", async connection =>
        {
            using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(GroupSql.SelectSchedule,
                new { schedule }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return await ReadScheduleAsync(grid).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<GroupCreationFacts> LookUpForCreateAsync(string name, string? schedule, IReadOnlyList<string> contextIds, IReadOnlyList<string> vmNames,
        CancellationToken cancellationToken) =>
        Read($"checking protection group '{name}'", async connection =>
        {
            // One round trip: the name, the schedule and every candidate VM.
            var parameters = new DynamicParameters(new { name, exceptId = (string?)null, schedule });
            string sql = GroupSql.SelectGroupByName + (schedule is null ? string.Empty : ";" + GroupSql.SelectSchedule);
            string? vmWhere = GroupWhere.VMKeys(parameters, contextIds, vmNames);
            sql += vmWhere is null ? string.Empty : ";" + GroupSql.SelectVMKeys + vmWhere;
            using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            IdNameRow? holder = (await grid.ReadAsync<IdNameRow>().ConfigureAwait(false)).FirstOrDefault();
            ScheduleLookup? found = schedule is null ? null : await ReadScheduleAsync(grid).ConfigureAwait(false);
            IEnumerable<VMKeyRow> candidates = vmWhere is null ? Array.Empty<VMKeyRow>() : await grid.ReadAsync<VMKeyRow>().ConfigureAwait(false);
            return new GroupCreationFacts(holder?.ToKey(), found, candidates.Select(row => row.ToModel()).ToList());
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ProtectionGroup> CreateAsync(ProtectionGroupCreationPlan plan, CancellationToken cancellationToken) =>
        Run($"creating protection group '{plan.Name}' with {Plural.Of(plan.MemberVMs.Count, "VM")}",
            connection => GroupInserter.InsertAsync(Connection, connection, plan, _options, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<ProtectionGroup?> UpdateAsync(ProtectionGroupUpdatePlan plan, CancellationToken cancellationToken) =>
        Run($"changing protection group '{plan.Group.Name}'", async connection =>
        {
            if (!await GroupUpdater.UpdateAsync(connection, plan, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var parameters = new DynamicParameters();
            IReadOnlyList<ProtectionGroup> reloaded = await GroupsAsync(connection, GroupWhere.Groups(parameters, Array.Empty<SqlPattern>(),
                new[] { plan.Group.Id }), parameters, cancellationToken).ConfigureAwait(false);
            return reloaded.FirstOrDefault(group => group.Id == plan.Group.Id);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<GroupDeleteFacts> DeleteAsync(string groupId, Func<GroupDeleteFacts, bool> mayDelete, CancellationToken cancellationToken) =>
        Run("removing the protection group", connection => HubQuery.InTransactionAsync(connection, async transaction =>
        {
            using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(GroupSql.CheckGroupForDelete,
                new { id = groupId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            bool exists = (await grid.ReadAsync<string>().ConfigureAwait(false)).Any();
            int members = (int)await grid.ReadSingleAsync<long>().ConfigureAwait(false);
            int running = (int)await grid.ReadSingleAsync<long>().ConfigureAwait(false);
            var facts = new GroupDeleteFacts(exists, members, running, Deleted: false);
            if (!exists || !mayDelete(facts))
            {
                return facts;
            }

            await connection.ExecuteAsync(new CommandDefinition(GroupSql.DeleteGroup, new { id = groupId }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return facts with { Deleted = true };
        }, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProtectionGroupMember>> AddMembershipsAsync(IReadOnlyList<GroupVMPair> pairs, int priority, CancellationToken cancellationToken) =>
        Run($"adding {Plural.Of(pairs.Count, "VM")} to {GroupNames(pairs)}",
            connection => Memberships.AddAsync(connection, Keys(pairs), priority, NameList(pairs), _options, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProtectionGroupMember>> RemoveMembershipsAsync(IReadOnlyList<GroupVMPair> pairs, CancellationToken cancellationToken) =>
        Run($"removing {Plural.Of(pairs.Count, "VM")} from {GroupNames(pairs)}",
            connection => Memberships.RemoveAsync(connection, Keys(pairs), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProtectionGroupMember>> ListMembersAsync(IReadOnlyList<string>? groupIds, IReadOnlyList<SqlPattern> vmNames,
        CancellationToken cancellationToken) =>
        Read("reading protection group members", connection =>
        {
            var parameters = new DynamicParameters();
            return Memberships.ReadAsync(connection, null, GroupWhere.Members(parameters, groupIds, vmNames), parameters, null, cancellationToken);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListGroupNamesAsync(SqlPattern pattern, int limit, CancellationToken cancellationToken) =>
        Read("completing protection group names", connection => NamesAsync(connection, GroupSql.CompleteGroupNames, pattern, limit, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListScheduleNamesAsync(SqlPattern pattern, int limit, CancellationToken cancellationToken) =>
        Read("completing schedule names", connection => NamesAsync(connection, GroupSql.CompleteScheduleNames, pattern, limit, cancellationToken), cancellationToken);

    /// <summary>The group holding a name, other than <paramref name="exceptId"/>; also used after a duplicate-key refusal.</summary>
    internal static async Task<GroupKey?> GroupNamedAsync(MySqlConnection connection, string name, string? exceptId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<IdNameRow>(new CommandDefinition(GroupSql.SelectGroupByName, new { name, exceptId },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).FirstOrDefault()?.ToKey();

    private static async Task<IReadOnlyList<ProtectionGroup>> GroupsAsync(MySqlConnection connection, string where, DynamicParameters parameters,
        CancellationToken cancellationToken)
    {
        IEnumerable<GroupRow> rows = await connection.QueryAsync<GroupRow>(new CommandDefinition(
            GroupSql.SelectGroups + where + GroupSql.GroupOrder, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(row => row.ToModel()).ToList();
    }

    private static async Task<ScheduleLookup> ReadScheduleAsync(SqlMapper.GridReader grid)
    {
        List<ScheduleReference> matches = (await grid.ReadAsync<IdNameRow>().ConfigureAwait(false)).Select(row => row.ToSchedule()).ToList();
        List<string> known = (await grid.ReadAsync<string>().ConfigureAwait(false)).ToList();
        return new ScheduleLookup(matches, known);
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(MySqlConnection connection, string sql, SqlPattern pattern, int limit,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(string.Format(CultureInfo.InvariantCulture, sql, pattern.Predicate("name", "@pattern")),
            new { pattern = pattern.Value, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

    // Each (group, VM) once, in input order: the service sends each pair once, and a repeat must not be read twice.
    private static List<(string GroupId, string ContextId)> Keys(IReadOnlyList<GroupVMPair> pairs) =>
        pairs.Select(pair => (pair.Group.Id, pair.VM.ContextId)).Distinct().ToList();

    private static string NameList(IReadOnlyList<GroupVMPair> pairs) =>
        string.Join("', '", pairs.Select(pair => pair.Group.Name).Distinct(StringComparer.Ordinal));

    private static string GroupNames(IReadOnlyList<GroupVMPair> pairs)
    {
        List<string> names = pairs.Select(pair => pair.Group.Name).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 1 ? $"protection group '{names[0]}'" : Plural.Of(names.Count, "protection group");
    }

    private Task<T> Run<T>(string action, Func<MySqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        HubQuery.RunAsync(Connection, action, work, cancellationToken);

    private Task<T> Read<T>(string action, Func<MySqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        HubQuery.ReadAsync(Connection, action, work, cancellationToken);
}
