using Dapper;
using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>Reads groups, memberships, schedules and VM keys; every method is one round trip.</summary>
internal static class GroupReader
{
    /// <summary>Groups matching any part of the filter (all groups for an empty filter), ordered by name.</summary>
    internal static async Task<IReadOnlyList<ProtectionGroup>> GroupsAsync(MySqlConnection connection, GroupFilter filter,
        CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var conditions = new List<string>();
        if (filter.NameLikes is { Count: > 0 } likes)
        {
            for (int i = 0; i < likes.Count; i++)
            {
                string name = "like" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                conditions.Add($"g.name LIKE @{name} ESCAPE '!'");
                parameters.Add(name, likes[i]);
            }
        }

        if (filter.IdsOrNames is { Count: > 0 } idsOrNames)
        {
            conditions.Add("g.id IN " + SqlList.In(parameters, "in", idsOrNames));
            conditions.Add("g.name IN " + SqlList.In(parameters, "nm", idsOrNames));
        }

        if (filter.Ids is { Count: > 0 } ids)
        {
            conditions.Add("g.id IN " + SqlList.In(parameters, "id", ids));
        }

        string where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" OR ", conditions);
        IEnumerable<GroupRow> rows = await connection.QueryAsync<GroupRow>(new CommandDefinition(
            GroupSql.SelectGroups + where + GroupSql.GroupOrder, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(row => row.ToModel()).ToList();
    }

    /// <summary>Finds each identity's group (an id match wins over a name match); missing ones map to null.</summary>
    internal static async Task<IReadOnlyList<(ProtectionGroupIdentity Identity, ProtectionGroup? Group)>> ResolveAsync(
        MySqlConnection connection, IReadOnlyList<ProtectionGroupIdentity> identities, CancellationToken cancellationToken)
    {
        List<string> values = identities.Select(identity => identity.Value).Distinct(VMReferenceResolver.KeyComparer).ToList();
        IReadOnlyList<ProtectionGroup> groups = values.Count == 0
            ? Array.Empty<ProtectionGroup>()
            : await GroupsAsync(connection, new GroupFilter { IdsOrNames = values }, cancellationToken).ConfigureAwait(false);
        var byId = groups.ToDictionary(group => group.Id, VMReferenceResolver.KeyComparer);
        var byName = groups.GroupBy(group => group.Name, VMReferenceResolver.KeyComparer)
            .ToDictionary(named => named.Key, named => named.First(), VMReferenceResolver.KeyComparer);
        return identities.Select(identity =>
        {
            if (byId.TryGetValue(identity.Value, out ProtectionGroup? group))
            {
                return (identity, (ProtectionGroup?)group);
            }

            return (identity, identity.IsExactId ? null : byName.TryGetValue(identity.Value, out group) ? group : null);
        }).ToList();
    }

    internal static async Task<IReadOnlyList<ProtectionGroupMember>> MembersAsync(MySqlConnection connection, MySqlTransaction? transaction,
        string where, DynamicParameters parameters, ProtectionGroupMemberResult? result, CancellationToken cancellationToken)
    {
        IEnumerable<MemberRow> rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            GroupSql.SelectMembers + where + GroupSql.MemberOrder, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(row => row.ToModel(result)).ToList();
    }

    /// <summary>Memberships of the groups (all when null) whose VM name matches any LIKE pattern (all when null).</summary>
    internal static Task<IReadOnlyList<ProtectionGroupMember>> MembersOfAsync(MySqlConnection connection, IReadOnlyList<string>? groupIds,
        IReadOnlyList<string>? vmNameLikes, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var conditions = new List<string>();
        if (groupIds is not null)
        {
            conditions.Add(groupIds.Count == 0 ? "1 = 0" : "m.group_id IN " + SqlList.In(parameters, "g", groupIds));
        }

        if (vmNameLikes is { Count: > 0 })
        {
            var likes = new List<string>();
            for (int i = 0; i < vmNameLikes.Count; i++)
            {
                string name = "like" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameters.Add(name, vmNameLikes[i]);
                likes.Add($"c.vm_name LIKE @{name} ESCAPE '!'");
            }

            conditions.Add("(" + string.Join(" OR ", likes) + ")");
        }

        string where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        return MembersAsync(connection, null, where, parameters, null, cancellationToken);
    }

    /// <summary>"WHERE (m.group_id = @g0 AND m.vm_context_id IN (...)) OR ..." for pairs of group id and context id.</summary>
    internal static string PairsWhere(DynamicParameters parameters, IEnumerable<(string GroupId, string ContextId)> pairs)
    {
        var clauses = new StringBuilder();
        int group = 0;
        foreach (IGrouping<string, (string GroupId, string ContextId)> byGroup in pairs.GroupBy(pair => pair.GroupId, StringComparer.Ordinal))
        {
            string groupParameter = "pg" + group.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(groupParameter, byGroup.Key);
            List<string> contextIds = byGroup.Select(pair => pair.ContextId).ToList();
            clauses.Append(clauses.Length == 0 ? " WHERE " : " OR ")
                .Append("(m.group_id = @").Append(groupParameter).Append(" AND m.vm_context_id IN ")
                .Append(SqlList.In(parameters, "pc" + group.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_", contextIds))
                .Append(')');
            group++;
        }

        return clauses.Length == 0 ? " WHERE 1 = 0" : clauses.ToString();
    }

    internal static async Task<VMResolution> ResolveVMsAsync(MySqlConnection connection, IReadOnlyList<VMReference> references,
        CancellationToken cancellationToken)
    {
        if (references.Count == 0)
        {
            return VMResolution.Empty;
        }

        var parameters = new DynamicParameters();
        string? where = VMKeysWhere(parameters, references);
        IEnumerable<VMKeyRow> rows = where is null
            ? Array.Empty<VMKeyRow>()
            : await connection.QueryAsync<VMKeyRow>(new CommandDefinition(GroupSql.SelectVMKeys + where, parameters,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        return VMReferenceResolver.Resolve(references, rows.Select(row => row.ToModel()));
    }

    /// <summary>The WHERE clause selecting every candidate context of the references; null when there is nothing to look up.</summary>
    internal static string? VMKeysWhere(DynamicParameters parameters, IReadOnlyList<VMReference> references)
    {
        (IReadOnlyList<string> contextIds, IReadOnlyList<string> names) = VMReferenceResolver.LookupKeys(references);
        var conditions = new List<string>(2);
        if (contextIds.Count > 0)
        {
            conditions.Add("context_id IN " + SqlList.In(parameters, "vc", contextIds));
        }

        if (names.Count > 0)
        {
            conditions.Add("vm_name IN " + SqlList.In(parameters, "vn", names));
        }

        return conditions.Count == 0 ? null : " WHERE " + string.Join(" OR ", conditions);
    }

    /// <summary>The schedule a name or id refers to, or a ScheduleNotFound error listing the ones that exist.</summary>
    internal static async Task<ScheduleReference> ScheduleAsync(MySqlConnection connection, string schedule, CancellationToken cancellationToken)
    {
        using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(GroupSql.SelectSchedule,
            new { schedule = schedule.Trim() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        List<IdNameRow> found = (await grid.ReadAsync<IdNameRow>().ConfigureAwait(false)).ToList();
        List<string> existing = (await grid.ReadAsync<string>().ConfigureAwait(false)).ToList();
        return ScheduleFrom(schedule, found, existing);
    }

    internal static ScheduleReference ScheduleFrom(string schedule, IReadOnlyList<IdNameRow> found, IReadOnlyList<string> existing)
    {
        IdNameRow? match = found.FirstOrDefault(row => VMReferenceResolver.KeyComparer.Equals(row.Id, schedule.Trim())) ?? (found.Count > 0 ? found[0] : null);
        if (match is not null)
        {
            return new ScheduleReference(match.Id, match.Name);
        }

        string known = existing.Count == 0
            ? "The hub has no replication schedules yet; create one in the hub first, or leave -Schedule out."
            : "Schedules in the hub: " + string.Join(", ", existing.Take(10).Select(name => "'" + name + "'")) + (existing.Count > 10 ? ", ..." : ".");
        return ThrowScheduleNotFound(schedule, known);
    }

    private static ScheduleReference ThrowScheduleNotFound(string schedule, string known) =>
        throw new SendenseException(SendenseErrorCode.ProtectionGroupScheduleNotFound,
            $"The hub has no replication schedule with the name or id '{schedule.Trim()}'. {known}");

    internal static async Task<IReadOnlyList<string>> NamesAsync(MySqlConnection connection, string sql, string prefix, int limit,
        CancellationToken cancellationToken)
    {
        string like = new Wildcard(Wildcard.Escape(prefix) + "*").ToLike();
        IEnumerable<string> names = await connection.QueryAsync<string>(new CommandDefinition(sql, new { prefix = like, limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return names.ToList();
    }
}
