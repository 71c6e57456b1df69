using Sendense.Core.Groups;
using Sendense.Core.Hub;
using Sendense.Hub.Connection;
using Sendense.Hub.Groups;

namespace Sendense.Tests.Hub.Groups;

/// <summary>
/// Test data for the group tests: VM contexts inserted exactly as the hub's add-to-management code writes them
/// (upstream contract 3.3), a connection through the real engine, and the group use cases over the real store.
/// </summary>
internal static class GroupTestHub
{
    /// <summary>The upstream ungrouped query (enhanced_discovery_service.go), counted.</summary>
    internal const string CountUngrouped =
        "SELECT COUNT(*) FROM vm_replication_contexts vrc WHERE vrc.context_id NOT IN (SELECT DISTINCT vm_context_id FROM vm_group_memberships)";

    internal static Task<HubConnection> ConnectAsync(HubDatabase database) =>
        HubEngine.ConnectAsync(new HubConnectionOptions { ConnectionString = database.ConnectionString }, CancellationToken.None);

    /// <summary>The group use cases over the real store (with test knobs for the membership writer).</summary>
    internal static GroupService Service(HubConnection hub, GroupWriteOptions? options = null) =>
        new GroupService(new GroupStore(hub, options ?? GroupWriteOptions.Default));

    /// <summary>Creates a group through the use case (confirmed), failing the test if nothing is written.</summary>
    internal static async Task<ProtectionGroup> CreateAsync(GroupService service, ProtectionGroupDefinition definition,
        RecordingObserver<ProtectionGroup>? observer = null) =>
        await service.CreateAsync(definition, observer ?? new RecordingObserver<ProtectionGroup>(), CancellationToken.None)
        ?? throw new InvalidOperationException("The group was not created.");

    /// <summary>A definition with members given by context id.</summary>
    internal static ProtectionGroupDefinition Definition(string name, IEnumerable<string> contextIds, string? schedule = null) =>
        new ProtectionGroupDefinition { Name = name, Description = "x", Schedule = schedule, Members = contextIds.Select(id => VMReference.FromContextId(id)).ToList() };

    /// <summary>A short random tag so tests sharing a class database never collide.</summary>
    internal static string Tag() => Guid.NewGuid().ToString("N").Substring(0, 6);

    /// <summary>Inserts one context per name on <paramref name="vCenter"/>; returns the context ids in order.</summary>
    internal static async Task<IReadOnlyList<string>> SeedVMsAsync(HubDatabase database, string vCenter, params string[] names)
    {
        string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        List<string> ids = names.Select(name => $"ctx-{name}-{stamp}").ToList();
        string rows = string.Join(",", names.Select((name, i) => Row($"'{ids[i]}'", $"'{name}'", $"'{vCenter}'")));
        await database.ExecuteAsync(InsertHead + rows);
        return ids;
    }

    /// <summary>Inserts <paramref name="count"/> contexts named &lt;prefix&gt;00001... with one statement; returns their ids.</summary>
    internal static async Task<IReadOnlyList<string>> SeedManyAsync(HubDatabase database, string prefix, int count)
    {
        string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string name = $"CONCAT('{prefix}', LPAD(seq, 5, '0'))";
        await database.ExecuteAsync(InsertHead.Replace(" VALUES ", " ") +
            "SELECT " + Row($"CONCAT('ctx-', {name}, '-{stamp}')", name, "'vc-bulk.lab'").Trim('(', ')') +
            $" FROM seq_1_to_{count.ToString(CultureInfo.InvariantCulture)}");
        return Enumerable.Range(1, count).Select(i => $"ctx-{prefix}{i:00000}-{stamp}").ToList();
    }

    internal static async Task<long> CountAsync(HubDatabase database, string sql) =>
        Convert.ToInt64(await database.ScalarAsync(sql), CultureInfo.InvariantCulture);

    private const string InsertHead = @"INSERT INTO vm_replication_contexts
 (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter, current_status,
  current_job_id, total_jobs_run, successful_jobs, failed_jobs, last_successful_job_id,
  cpu_count, memory_mb, os_type, power_state, vm_tools_version,
  created_at, updated_at, first_job_at, last_job_at, last_status_change,
  auto_added, last_scheduled_job_id, next_scheduled_at, scheduler_enabled,
  ossea_config_id, credential_id, last_operation_summary) VALUES ";

    // The row upstream's createVMContext writes, with uuid() standing in for the BIOS uuid.
    private static string Row(string contextId, string name, string vCenter) =>
        $"({contextId}, {name}, uuid(), CONCAT('/DC1/vm/', {name}), {vCenter}, 'DC1', 'discovered', " +
        "NULL, 0, 0, 0, NULL, 2, 4096, 'linux', 'poweredOn', 'vmx-19', NOW(), NOW(), NULL, NULL, NOW(), 1, NULL, NULL, 1, 0, NULL, NULL)";
}
