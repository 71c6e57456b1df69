using Dapper;

namespace Sendense.Hub.Groups;

/// <summary>
/// The WHERE clauses of the group queries, built from values that always travel as parameters (never spliced into
/// the text). Name conditions use the columns' own collation, so they select what the hub calls the same name.
/// </summary>
internal static class GroupWhere
{
    /// <summary>Groups whose name matches any pattern or whose id is in <paramref name="ids"/>; empty for all groups.</summary>
    internal static string Groups(DynamicParameters parameters, IReadOnlyList<SqlPattern> names, IReadOnlyList<string> ids)
    {
        var conditions = new List<string>();
        conditions.AddRange(Patterns(parameters, "g.name", "gn", names));
        if (ids.Count > 0)
        {
            conditions.Add("g.id IN " + SqlList.In(parameters, "id", ids));
        }

        return conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" OR ", conditions);
    }

    /// <summary>Groups whose id or name is one of the values.</summary>
    internal static string IdsOrNames(DynamicParameters parameters, IReadOnlyList<string> values) =>
        " WHERE g.id IN " + SqlList.In(parameters, "in", values) + " OR g.name IN " + SqlList.In(parameters, "nm", values);

    /// <summary>Memberships of the groups (all when null; none for an empty list) whose VM name matches any pattern (all when empty).</summary>
    internal static string Members(DynamicParameters parameters, IReadOnlyList<string>? groupIds, IReadOnlyList<SqlPattern> vmNames)
    {
        var conditions = new List<string>();
        if (groupIds is not null)
        {
            conditions.Add(groupIds.Count == 0 ? "1 = 0" : "m.group_id IN " + SqlList.In(parameters, "g", groupIds));
        }

        List<string> names = Patterns(parameters, "c.vm_name", "vn", vmNames).ToList();
        if (names.Count > 0)
        {
            conditions.Add("(" + string.Join(" OR ", names) + ")");
        }

        return conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
    }

    /// <summary>"WHERE (m.group_id = @pg0 AND m.vm_context_id IN (...)) OR ..." for pairs of group id and context id.</summary>
    internal static string Pairs(DynamicParameters parameters, IEnumerable<(string GroupId, string ContextId)> pairs)
    {
        var clauses = new StringBuilder();
        int group = 0;
        foreach (IGrouping<string, (string GroupId, string ContextId)> byGroup in pairs.GroupBy(pair => pair.GroupId, StringComparer.Ordinal))
        {
            string index = group.ToString(CultureInfo.InvariantCulture);
            parameters.Add("pg" + index, byGroup.Key);
            clauses.Append(clauses.Length == 0 ? " WHERE " : " OR ")
                .Append("(m.group_id = @pg").Append(index).Append(" AND m.vm_context_id IN ")
                .Append(SqlList.In(parameters, "pc" + index + "_", byGroup.Select(pair => pair.ContextId).ToList()))
                .Append(')');
            group++;
        }

        return clauses.Length == 0 ? " WHERE 1 = 0" : clauses.ToString();
    }

    /// <summary>The VM contexts with one of the context ids or names; null when there is nothing to look up.</summary>
    internal static string? VMKeys(DynamicParameters parameters, IReadOnlyList<string> contextIds, IReadOnlyList<string> names)
    {
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

    private static IEnumerable<string> Patterns(DynamicParameters parameters, string column, string prefix, IReadOnlyList<SqlPattern> patterns)
    {
        for (int i = 0; i < patterns.Count; i++)
        {
            string name = prefix + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, patterns[i].Value);
            yield return patterns[i].Predicate(column, "@" + name);
        }
    }
}
