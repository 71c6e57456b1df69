using System.Runtime.CompilerServices;
using MySqlConnector;

namespace Sendense.Hub.Flows;

/// <summary>
/// Which of the flow and backup tables a hub has (older hubs lack them): probed once per connection object and kept
/// while all are there, so a listing stays one query after the first. A hub that lacks one is probed again each
/// time (someone may run its migrations meanwhile).
/// </summary>
internal sealed record FlowTables(bool Flows, bool Repositories, bool BackupJobs)
{
    private const string Probe = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() " +
        "AND table_name IN ('protection_flows', 'backup_repositories', 'backup_jobs')";

    private static readonly ConditionalWeakTable<HubConnection, FlowTables> Known = new ConditionalWeakTable<HubConnection, FlowTables>();

    /// <summary>Every table is there.</summary>
    internal static FlowTables All { get; } = new FlowTables(true, true, true);

    /// <summary>Flows can be joined: both protection_flows and backup_repositories exist.</summary>
    internal bool HasFlows => Flows && Repositories;

    internal static async Task<FlowTables> OfAsync(HubConnection hub, MySqlConnection connection, CancellationToken cancellationToken)
    {
        if (Known.TryGetValue(hub, out FlowTables? known))
        {
            return known;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = new MySqlCommand(Probe, connection))
        using (MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new FlowTables(names.Contains("protection_flows"), names.Contains("backup_repositories"), names.Contains("backup_jobs"));
        if (tables == All)
        {
            Known.GetValue(hub, _ => All);
        }

        return tables;
    }
}
