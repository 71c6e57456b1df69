using MySqlConnector;
using Sendense.Core.VMs;

namespace Sendense.Hub.VMs;

/// <summary>
/// Reads what the hub knows about one batch, in one round trip: the batch goes into a temporary table created from the
/// hub's own columns (so every comparison uses the hub's collation), and plain SELECTs in one repeatable-read
/// snapshot report what matches by (vCenter, uuid) and (vCenter, name), which context ids are taken, which inputs
/// equal each other, and the matched rows with their groups and disks. No row locks are taken.
/// </summary>
internal static class VMAddFactsReader
{
    internal static async Task<VMAddFacts> ReadAsync(MySqlConnection connection, IReadOnlyList<VMAddCandidate> batch, DateTime now,
        int commandTimeout, CancellationToken cancellationToken)
    {
        var facts = new VMAddFacts { DatabaseNow = now };
        using var command = new MySqlCommand { Connection = connection, CommandTimeout = commandTimeout };
        var sql = new SqlText(command);
        sql.Sql(VMAddSql.PlanPrologue);
        for (int i = 0; i < batch.Count; i++)
        {
            VMAddCandidate candidate = batch[i];
            var ids = new ContextIdCandidates(candidate.Values, now);
            facts.ContextIds[candidate.Index] = ids;
            sql.Sql(i == 0 ? "(" : ",(")
                .Value(candidate.Index).Sql(",").Value(candidate.Values.VMName).Sql(",").Value(candidate.Values.VMwareVMId).Sql(",")
                .Value(candidate.Values.VCenterHost).Sql(",").Value(ids.Plain ?? string.Empty).Sql(",").Value(ids.Suffixed).Sql(")");
        }

        sql.Sql(";\n").Sql(VMAddSql.PlanQueries);
        sql.Build();

        using MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        foreach (Dictionary<int, string> matches in new[] { facts.ByUuid, facts.ByName })
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                int index = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                string contextId = reader.GetString(1);
                matches[index] = contextId;
                if (!facts.Contexts.ContainsKey(contextId))
                {
                    facts.Contexts[contextId] = ContextColumns.Read(reader, offset: 1);
                }
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (HashSet<int> taken in new[] { facts.PlainIdTaken, facts.SuffixedIdTaken })
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                taken.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (List<int[]> groups in new[] { facts.SameUuid, facts.SameName, facts.SamePlainId, facts.SameSuffixedId })
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                groups.Add(reader.GetString(0).Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray());
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        await ReadGroupsAndDisksAsync(reader, facts, cancellationToken).ConfigureAwait(false);
        return facts;
    }

    private static async Task ReadGroupsAndDisksAsync(MySqlDataReader reader, VMAddFacts facts, CancellationToken cancellationToken)
    {
        var groupsSeen = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // A context matched by several inputs (repeats) comes back once per input: attach each group once.
            string contextId = reader.GetString(0);
            string group = reader.GetString(1);
            if (groupsSeen.Add(contextId + "\n" + group) && facts.Contexts.TryGetValue(contextId, out ExistingContext? grouped))
            {
                grouped.Groups.Add(group);
            }
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var disksSeen = new HashSet<long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ExistingDisk disk = ContextColumns.ReadDisk(reader);
            if (disksSeen.Add(disk.RowId) && facts.Contexts.TryGetValue(reader.GetString(0), out ExistingContext? context))
            {
                context.Disks.Add(disk);
            }
        }
    }
}
