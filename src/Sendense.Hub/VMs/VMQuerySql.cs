using Sendense.Core.VMs;

namespace Sendense.Hub.VMs;

/// <summary>
/// Builds the one query behind Get-SendenseVM and Get-SendenseUngroupedVM: the contexts that pass the filters,
/// ordered by name, each joined to its groups so that names come back in the same result (no N+1 queries).
/// </summary>
internal static class VMQuerySql
{
    /// <summary>Column ordinal of the group name after the context columns.</summary>
    internal const int GroupOrdinal = ContextColumns.Count;

    internal static void Build(SqlText sql, VMQuery filter, string? extraColumns = null)
    {
        sql.Sql(FullSort.Prefix).Sql("SELECT ").Sql(ContextColumns.SelectList).Sql(filter.UngroupedOnly ? ", NULL" : ", g.name");
        if (extraColumns is not null)
        {
            sql.Sql(", ").Sql(extraColumns);
        }

        sql.Sql(" FROM vm_replication_contexts c");
        if (!filter.UngroupedOnly)
        {
            sql.Sql(" LEFT JOIN vm_group_memberships m ON m.vm_context_id = c.context_id LEFT JOIN vm_machine_groups g ON g.id = m.group_id");
        }

        var where = new List<string>();
        if (filter.UngroupedOnly)
        {
            // Upstream's ungrouped predicate (contract §4); vm_context_id is NOT NULL, so NOT IN is safe.
            where.Add("c.context_id NOT IN (SELECT vm_context_id FROM vm_group_memberships)");
        }

        AddPatterns(sql, where, "c.vm_name", filter.Names);
        AddPatterns(sql, where, "c.vcenter_host", filter.VCenters);
        AddPatterns(sql, where, "c.datacenter", filter.Datacenters);
        AddExact(sql, where, "c.current_status", filter.Statuses);
        AddExact(sql, where, "c.power_state", filter.PowerStates);
        AddExact(sql, where, "c.context_id", filter.ContextIds);
        if (filter.ProtectionGroups.Length > 0)
        {
            where.Add("EXISTS (SELECT 1 FROM vm_group_memberships fm JOIN vm_machine_groups fg ON fg.id = fm.group_id " +
                "WHERE fm.vm_context_id = c.context_id AND " + Patterns(sql, "fg.name", filter.ProtectionGroups) + ")");
        }

        if (where.Count > 0)
        {
            sql.Sql(" WHERE ").Sql(string.Join(" AND ", where));
        }

        sql.Sql(filter.UngroupedOnly
            ? " ORDER BY c.vm_name, c.vcenter_host, c.context_id"
            : " ORDER BY c.vm_name, c.vcenter_host, c.context_id, g.name");
    }

    /// <summary>The predicate for one column and several patterns (OR).</summary>
    internal static string Patterns(SqlText sql, string column, IReadOnlyList<string> patterns)
    {
        var parts = new List<string>(patterns.Count);
        foreach (string pattern in patterns)
        {
            SqlPattern match = new Wildcard(pattern).ToSql();
            parts.Add(match.Predicate(column, sql.Parameter(match.Value)));
        }

        return "(" + string.Join(" OR ", parts) + ")";
    }

    private static void AddPatterns(SqlText sql, List<string> where, string column, string[] patterns)
    {
        if (patterns.Length > 0)
        {
            where.Add(Patterns(sql, column, patterns));
        }
    }

    private static void AddExact(SqlText sql, List<string> where, string column, string[] values)
    {
        if (values.Length == 0)
        {
            return;
        }

        var names = new List<string>(values.Length);
        foreach (string value in values)
        {
            names.Add(sql.Parameter(value));
        }

        where.Add($"{column} IN ({string.Join(", ", names)})");
    }
}
