using MySqlConnector;

namespace Sendense.Hub.VMs;

/// <summary>Folds the one-row-per-(VM, group) result of VMQuerySql into VMs; rows arrive ordered by context.</summary>
internal static class VMRowFolder
{
    internal static async Task<List<VM>> ReadAsync(MySqlDataReader reader, CancellationToken cancellationToken, Action<VM, MySqlDataReader>? extra = null)
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
}
