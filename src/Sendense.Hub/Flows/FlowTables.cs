using System.Runtime.CompilerServices;
using MySqlConnector;

namespace Sendense.Hub.Flows;

/// <summary>
/// Which of the flow and backup tables a hub has (older hubs lack them): probed once per connection object and kept
/// while all are there, so a listing stays one query after the first. A hub that lacks one is probed again each
/// time (someone may run its migrations meanwhile). A plain class, not a record: nothing compares two of them, and a
/// record's equality members are more code to compile on a process's first listing.
/// </summary>
internal sealed class FlowTables
{
    private const string Probe = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() " +
        "AND table_name IN ('protection_flows', 'backup_repositories', 'backup_jobs')";

    private static readonly ConditionalWeakTable<HubConnection, FlowTables> Known = new ConditionalWeakTable<HubConnection, FlowTables>();

    private FlowTables(bool flows, bool repositories, bool backupJobs)
    {
        Flows = flows;
        Repositories = repositories;
        BackupJobs = backupJobs;
    }

    /// <summary>protection_flows exists.</summary>
    internal bool Flows { get; }

    /// <summary>backup_repositories exists.</summary>
    internal bool Repositories { get; }

    /// <summary>backup_jobs exists.</summary>
    internal bool BackupJobs { get; }

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
        if (tables.Flows && tables.Repositories && tables.BackupJobs)
        {
            Known.GetValue(hub, _ => tables);
        }

        return tables;
    }
}
