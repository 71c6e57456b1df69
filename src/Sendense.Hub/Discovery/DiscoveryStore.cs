using MySqlConnector;
using Sendense.Core.Discovery;

namespace Sendense.Hub.Discovery;

/// <summary>
/// Which VMs of one vCenter the hub already manages, for marking discovery output: one query per discovery run, by
/// the hub's own key (vcenter_host, vmware_vm_id), answered from the unique index unique_vm_per_vcenter, read with a
/// plain data reader (no mapping layer to warm up: the lookup must cost a small fraction of the sweep).
/// </summary>
public sealed class DiscoveryStore : HubStore, IDiscoveryStore
{
    internal const string ManagedSql = "SELECT vmware_vm_id, context_id FROM vm_replication_contexts WHERE vcenter_host = @vcenter";


    /// <summary>A store for one hub connection.</summary>
    public DiscoveryStore(HubConnection hub)
        : base(hub)
    {
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> ManagedVMsAsync(string vcenterHost, CancellationToken cancellationToken) =>
        HubQuery.ReadAsync(Connection, $"reading which VMs of {vcenterHost} the hub manages", async connection =>
        {
            using var command = new MySqlCommand(ManagedSql, connection);
            command.Parameters.AddWithValue("@vcenter", vcenterHost);
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            using MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string uuid = reader.IsDBNull(0) ? string.Empty : reader.GetString(0).TrimEnd();
                if (uuid.Length > 0)
                {
                    map[uuid] = reader.GetString(1);
                }
            }

            return (IReadOnlyDictionary<string, string>)map;
        }, cancellationToken);
}
