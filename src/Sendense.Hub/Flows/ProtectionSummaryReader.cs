using MySqlConnector;
using Sendense.Core.Flows;

namespace Sendense.Hub.Flows;

/// <summary>
/// Folds the summary's two result sets (each context's place, then each context's protection facts) into one
/// <see cref="VMProtectionFacts"/> per vCenter, datacenter and set of paths, in memory: counted in SQL over a join of
/// the two, the same figures took half again as long (ProtectionSql.FactsSelect says why).
/// </summary>
internal static class ProtectionSummaryReader
{
    internal static async Task<IReadOnlyList<VMProtectionFacts>> ReadAsync(MySqlDataReader reader, CancellationToken cancellationToken)
    {
        var places = new Dictionary<string, (string VCenter, string Datacenter)>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            places[reader.GetString(0)] = (Columns.Text(reader, 1), Columns.Text(reader, 2));
        }

        var facts = new Dictionary<string, (ulong Paths, DateTime? LastCompleted)>(StringComparer.OrdinalIgnoreCase);
        if (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ulong paths = reader.IsDBNull(1) ? 0 : Convert.ToUInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                facts[reader.GetString(0)] = (paths, reader.IsDBNull(2) ? null : reader.GetDateTime(2));
            }
        }

        var groups = new Dictionary<(string, string, ulong), Tally>();
        foreach (KeyValuePair<string, (string VCenter, string Datacenter)> place in places)
        {
            facts.TryGetValue(place.Key, out (ulong Paths, DateTime? LastCompleted) fact);
            var key = (place.Value.VCenter, place.Value.Datacenter, fact.Paths);
            if (!groups.TryGetValue(key, out Tally? tally))
            {
                groups[key] = tally = new Tally();
            }

            tally.Add(fact.LastCompleted);
        }

        return groups.Select(g => new VMProtectionFacts(g.Key.Item1, g.Key.Item2, ProtectionSql.Paths(g.Key.Item3), g.Value.Count,
            g.Value.WithoutBackup, g.Value.Oldest)).ToList();
    }

    private sealed class Tally
    {
        internal int Count { get; private set; }

        internal int WithoutBackup { get; private set; }

        internal DateTime? Oldest { get; private set; }

        internal void Add(DateTime? lastCompleted)
        {
            Count++;
            if (lastCompleted is not DateTime time)
            {
                WithoutBackup++;
            }
            else if (Oldest is null || time < Oldest)
            {
                Oldest = time;
            }
        }
    }
}
