using MySqlConnector;
using Sendense.Core.VMs;
using Sendense.Hub.Connection;

namespace Sendense.Hub.VMs;

/// <summary>Reads managed VMs: Get-SendenseVM, Get-SendenseUngroupedVM and the argument completers.</summary>
public static class VMQueryEngine
{
    /// <summary>The VMs that pass the filter, ordered by name, with their group names; one query.</summary>
    public static async Task<IReadOnlyList<VM>> GetAsync(HubConnection hub, VMFilter filter, CancellationToken cancellationToken)
    {
        if (filter is null)
        {
            throw new ArgumentNullException(nameof(filter));
        }

        HubSession session = HubEngine.SessionOf(hub);
        try
        {
            using MySqlConnection connection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var command = new MySqlCommand { Connection = connection, CommandTimeout = 120 };
            var sql = new SqlText(command);
            VMQuerySql.Build(sql, filter);
            sql.Build();
            using MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await ReadFoldedAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not Sendense.Core.Errors.SendenseException)
        {
            throw HubErrors.FromQuery(exception, filter.UngroupedOnly ? "listing ungrouped VMs" : "listing VMs", hub.ToString());
        }
    }

    /// <summary>Distinct VM names starting with <paramref name="prefix"/> (case-insensitive), for tab completion.</summary>
    public static Task<IReadOnlyList<string>> CompleteNamesAsync(HubConnection hub, string prefix, int limit, CancellationToken cancellationToken) =>
        CompleteAsync(hub, "vm_name", prefix, limit, cancellationToken);

    /// <summary>Distinct datacenter names starting with <paramref name="prefix"/>, for tab completion.</summary>
    public static Task<IReadOnlyList<string>> CompleteDatacentersAsync(HubConnection hub, string prefix, int limit, CancellationToken cancellationToken) =>
        CompleteAsync(hub, "datacenter", prefix, limit, cancellationToken);

    /// <summary>Distinct vCenter names starting with <paramref name="prefix"/>, for tab completion.</summary>
    public static Task<IReadOnlyList<string>> CompleteVCentersAsync(HubConnection hub, string prefix, int limit, CancellationToken cancellationToken) =>
        CompleteAsync(hub, "vcenter_host", prefix, limit, cancellationToken);

    /// <summary>Folds the one-row-per-(VM, group) result into VMs; rows arrive ordered by context.</summary>
    internal static async Task<List<VM>> ReadFoldedAsync(MySqlDataReader reader, CancellationToken cancellationToken, Action<VM, MySqlDataReader>? extra = null)
    {
        var vms = new List<VM>();
        VM? current = null;
        var groups = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string contextId = reader.GetString(0);
            if (current is null || !string.Equals(current.ContextId, contextId, StringComparison.Ordinal))
            {
                Finish(current, groups);
                current = ContextColumns.Read(reader).ToVM();
                extra?.Invoke(current, reader);
                vms.Add(current);
            }

            if (!reader.IsDBNull(VMQuerySql.GroupOrdinal))
            {
                groups.Add(reader.GetString(VMQuerySql.GroupOrdinal));
            }
        }

        Finish(current, groups);
        return vms;
    }

    private static void Finish(VM? vm, List<string> groups)
    {
        if (vm is not null && groups.Count > 0)
        {
            vm.Groups = groups.ToArray();
        }

        groups.Clear();
    }

    private static async Task<IReadOnlyList<string>> CompleteAsync(HubConnection hub, string column, string prefix, int limit, CancellationToken cancellationToken)
    {
        HubSession session = HubEngine.SessionOf(hub);
        using MySqlConnection connection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = new MySqlCommand { Connection = connection, CommandTimeout = 5 };
        var sql = new SqlText(command);
        string pattern = sql.Parameter(new Wildcard(Wildcard.Escape(prefix) + "*").ToSql().Value);
        string top = sql.Parameter(Math.Max(1, limit));
        sql.Sql($"SELECT DISTINCT {column} FROM vm_replication_contexts WHERE {column} LIKE {pattern} ESCAPE '{SqlPattern.LikeEscape}' ORDER BY {column} LIMIT {top}");
        sql.Build();
        var values = new List<string>();
        using MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
