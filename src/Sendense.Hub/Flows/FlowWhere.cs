using Dapper;
using Sendense.Core.Flows;
using Sendense.Hub.Groups;

namespace Sendense.Hub.Flows;

/// <summary>The WHERE clauses of the flow queries, every value a parameter (<see cref="SqlList"/>).</summary>
internal static class FlowWhere
{
    internal static string Flows(DynamicParameters parameters, FlowListFilter filter)
    {
        var parts = new List<string>();
        if (filter.Names.Count > 0)
        {
            parts.Add("(" + string.Join(" OR ", filter.Names.Select((pattern, i) =>
            {
                parameters.Add("np" + i.ToString(CultureInfo.InvariantCulture), pattern.Value);
                return pattern.Predicate(FlowSql.NameForPatterns, "@np" + i.ToString(CultureInfo.InvariantCulture));
            })) + ")");
        }

        if (filter.IdsOrNames.Count > 0)
        {
            string list = SqlList.In(parameters, "k", filter.IdsOrNames);
            parts.Add($"(f.id IN {list} OR f.name IN {list})");
        }

        if (filter.Ids.Count > 0)
        {
            parts.Add($"f.id IN {SqlList.In(parameters, "id", filter.Ids)}");
        }

        if (filter.ContextIds.Count > 0)
        {
            string list = SqlList.In(parameters, "vm", filter.ContextIds);
            parts.Add($"((f.target_type = 'vm' AND f.target_id IN {list}) OR " + string.Format(CultureInfo.InvariantCulture, FlowSql.ReachesThroughGroup, list) + ")");
        }

        if (filter.GroupIds.Count > 0)
        {
            parts.Add($"(f.target_type = 'group' AND f.target_id IN {SqlList.In(parameters, "grp", filter.GroupIds)})");
        }

        if (filter.Repositories.Count > 0)
        {
            string list = SqlList.In(parameters, "repo", filter.Repositories);
            parts.Add($"(f.repository_id IN {list} OR r.name IN {list})");
        }

        if (filter.Enabled is bool enabled)
        {
            parts.Add(enabled ? "COALESCE(f.enabled <> 0, 0) = 1" : "COALESCE(f.enabled <> 0, 0) = 0");
        }

        return parts.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", parts);
    }

    internal static string Names(DynamicParameters parameters, IReadOnlyList<SqlPattern> names, string column) =>
        names.Count == 0 ? string.Empty : " WHERE " + string.Join(" OR ", names.Select((pattern, i) =>
        {
            parameters.Add("np" + i.ToString(CultureInfo.InvariantCulture), pattern.Value);
            return pattern.Predicate(column, "@np" + i.ToString(CultureInfo.InvariantCulture));
        }));

    internal static string? VMKeys(DynamicParameters parameters, IReadOnlyList<string> contextIds, IReadOnlyList<string> names)
    {
        var parts = new List<string>();
        if (contextIds.Count > 0)
        {
            parts.Add("context_id IN " + SqlList.In(parameters, "cx", contextIds));
        }

        if (names.Count > 0)
        {
            parts.Add("vm_name IN " + SqlList.In(parameters, "vn", names));
        }

        return parts.Count == 0 ? null : " WHERE " + string.Join(" OR ", parts);
    }

    internal static string? GroupKeys(DynamicParameters parameters, IReadOnlyList<string> idsOrNames)
    {
        if (idsOrNames.Count == 0)
        {
            return null;
        }

        string list = SqlList.In(parameters, "gk", idsOrNames);
        return string.Format(CultureInfo.InvariantCulture, FlowSql.SelectGroupKeys, $"WHERE g.id IN {list} OR g.name IN {list}");
    }

    internal static string Table(FlowReferenceKind kind) => kind switch
    {
        FlowReferenceKind.Repository => "backup_repositories",
        FlowReferenceKind.Policy => "backup_policies",
        FlowReferenceKind.Schedule => "replication_schedules",
        _ => "protection_flows",
    };
}
