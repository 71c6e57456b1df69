using Dapper;
using MySqlConnector;
using Sendense.Hub.Connection;

namespace Sendense.Hub.Discovery;

/// <summary>
/// Which VMs of one vCenter the hub already manages, for marking discovery output (IsManaged, ContextId): one query per
/// discovery run, by the hub's own key (vcenter_host, vmware_vm_id), answered from the unique index
/// unique_vm_per_vcenter. Lookups follow the column collation (utf8mb4_general_ci: case-insensitive).
/// </summary>
public static class ManagedVMLookup
{
    internal const string Sql =
        "SELECT vmware_vm_id AS VmwareVmId, context_id AS ContextId FROM vm_replication_contexts WHERE vcenter_host = @VCenterHost";

    /// <summary>Loads vmware_vm_id → context_id for every context of <paramref name="vcenterHost"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(HubConnection hub, string vcenterHost, CancellationToken cancellationToken)
    {
        HubSession session = HubEngine.SessionOf(hub);
        try
        {
            using MySqlConnection connection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var command = new CommandDefinition(Sql, new { VCenterHost = vcenterHost }, cancellationToken: cancellationToken);
            IEnumerable<Row> rows = await connection.QueryAsync<Row>(command).ConfigureAwait(false);
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Row row in rows.Where(r => !string.IsNullOrEmpty(r.VmwareVmId)))
            {
                map[row.VmwareVmId.TrimEnd()] = row.ContextId;
            }

            return map;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw HubErrors.FromQuery(exception, $"reading which VMs of {vcenterHost} the hub manages", hub.ToString());
        }
    }

    /// <summary>
    /// The context id of a discovered VM, by the key the hub writes: the BIOS uuid, or the MoRef for a VM without one
    /// (upstream stores the MoRef when config is unreadable).
    /// </summary>
    public static string? ContextOf(IReadOnlyDictionary<string, string> managed, DiscoveredVM vm)
    {
        if (vm.BiosUuid.Length > 0 && managed.TryGetValue(vm.BiosUuid, out string? byUuid))
        {
            return byUuid;
        }

        return vm.MoRef.Length > 0 && managed.TryGetValue(vm.MoRef, out string? byMoRef) ? byMoRef : null;
    }

    private sealed class Row
    {
        public string VmwareVmId { get; set; } = string.Empty;

        public string ContextId { get; set; } = string.Empty;
    }
}
