using MySqlConnector;
using Sendense.Core.Flows;
using Sendense.Core.Groups;
using Sendense.Core.VMs;
using Sendense.Hub.Flows;
using Sendense.Hub.VMs;
using Sendense.Tests.Hub.Groups;

namespace Sendense.Tests.Hub.Flows;

/// <summary>The flow store on the real MariaDB with the upstream schema (fixture 01-07): rows, the collation split, members, status.</summary>
public sealed class FlowStoreTests : GroupHubTests
{
    private const string UuidV1 = "^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$";

    public FlowStoreTests(HubDatabaseFixture fixture)
        : base(fixture)
    {
    }

    private FlowService Flows => new FlowService(new FlowStore(Hub));

    [Fact]
    public async Task A_plain_join_from_a_flow_fails_with_1267_and_the_shipped_listing_works()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"coll{tag}");
        string repo = await RepositoryAsync(tag);
        await CreateAsync(ids, repo);

        // The finding of contract §1.5, reproduced: the join the obvious query would use.
        var plain = await Assert.ThrowsAsync<MySqlException>(() => Database.ScalarAsync(
            "SELECT COUNT(*) FROM protection_flows pf JOIN vm_replication_contexts vrc ON vrc.context_id = pf.target_id"));
        Assert.Equal(1267, plain.Number);

        var observer = new RecordingObserver<ProtectionFlow>();
        await Flows.GetFlowsAsync(new FlowQuery { Names = new[] { $"coll{tag}*" } }, observer, CancellationToken.None);
        ProtectionFlow flow = Assert.Single(observer.Values);
        Assert.Equal($"coll{tag}", flow.TargetName);
        Assert.Equal($"Repo {tag}", flow.RepositoryName);
        Assert.Equal(1, flow.MachineCount);
    }

    [Fact]
    public async Task Each_VM_gets_one_row_exactly_as_contract_section_6_says()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"r1{tag}", $"r2{tag}");
        string repo = await RepositoryAsync(tag);
        IReadOnlyList<ProtectionFlow> flows = await CreateAsync(ids, repo);
        Assert.Equal(2, flows.Count);

        List<Dictionary<string, object?>> rows = await HubRows.QueryAsync(Database,
            "SELECT *, TIMESTAMPDIFF(SECOND, created_at, NOW()) < 60 AS fresh FROM protection_flows WHERE target_id IN (@a, @b) ORDER BY name",
            ("@a", ids[0]), ("@b", ids[1]));
        Assert.Equal(2, rows.Count);
        for (int i = 0; i < 2; i++)
        {
            Dictionary<string, object?> row = rows[i];
            Assert.Matches(UuidV1, (string)row["id"]!);
            Assert.Equal(flows[i].Id, row["id"]);
            Assert.Equal($"r{i + 1}{tag} backup", row["name"]);
            Assert.Null(row["description"]);
            Assert.Equal("backup", row["flow_type"]);
            Assert.Equal("vm", row["target_type"]);
            Assert.Equal(ids[i], row["target_id"]);
            Assert.Equal(repo, row["repository_id"]);
            foreach (string column in new[] { "policy_id", "destination_type", "destination_config", "schedule_id", "last_execution_id", "last_execution_time", "next_execution_time" })
            {
                Assert.True(row[column] is null, column + " is NULL, never ''");
            }

            Assert.Equal(1, Convert.ToInt32(row["enabled"], CultureInfo.InvariantCulture));
            Assert.Equal("pending", row["last_execution_status"]);
            Assert.Equal((0, 0, 0), (Convert.ToInt32(row["total_executions"], CultureInfo.InvariantCulture),
                Convert.ToInt32(row["successful_executions"], CultureInfo.InvariantCulture), Convert.ToInt32(row["failed_executions"], CultureInfo.InvariantCulture)));
            Assert.StartsWith("powershell:", (string)row["created_by"]!, StringComparison.Ordinal);
            Assert.Equal(1L, Convert.ToInt64(row["fresh"], CultureInfo.InvariantCulture));
            Assert.Equal(row["created_at"], row["updated_at"]);
        }
    }

    [Fact]
    public async Task A_group_flow_resolves_only_enabled_members_and_status_follows_the_rule()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab",
            $"on{tag}", $"off{tag}", $"direct{tag}", $"deadrepo{tag}", $"sched{tag}", $"unsched{tag}", $"none{tag}");
        string repo = await RepositoryAsync(tag);
        string disabledRepo = await RepositoryAsync(tag + "x", enabled: false);
        ProtectionGroup web = await GroupTestHub.CreateAsync(Service, GroupTestHub.Definition($"Web {tag}", new[] { ids[0], ids[1] }));
        await Database.ExecuteAsync($"UPDATE vm_group_memberships SET enabled = 0 WHERE vm_context_id = '{ids[1]}'");
        await Database.ExecuteAsync($"INSERT INTO replication_schedules (name, cron_expression) VALUES ('s-{tag}', '0 2 * * *')");
        await GroupTestHub.CreateAsync(Service, GroupTestHub.Definition($"Sched {tag}", new[] { ids[4] }, $"s-{tag}"));
        await GroupTestHub.CreateAsync(Service, GroupTestHub.Definition($"Unsched {tag}", new[] { ids[5] }));

        var group = new FlowDefinition { Repository = repo, Targets = new[] { FlowTargetReference.ForGroup(web.Name, web) }, Name = "{Name} flow" };
        await Flows.CreateAsync(group, new RecordingObserver<ProtectionFlow>(), CancellationToken.None);
        await CreateAsync(new[] { ids[2] }, repo);
        await Database.ExecuteAsync($"INSERT INTO protection_flows (name, flow_type, target_type, target_id, repository_id) VALUES ('dead {tag}', 'backup', 'vm', '{ids[3]}', '{disabledRepo}')");

        var members = new RecordingObserver<ProtectionFlowMember>();
        await Flows.GetMembersAsync(new[] { FlowIdentity.Of($"Web {tag} flow") }, Array.Empty<string>(), members, CancellationToken.None);
        Assert.Equal(new[] { ids[0] }, members.Values.Select(m => m.ContextId));

        // A completed backup and a newer failed one: LastBackup is the completed one, LastBackupStatus the newest.
        await Database.ExecuteAsync("INSERT INTO backup_jobs (id, vm_context_id, vm_name, repository_id, backup_type, status, repository_path, created_at, completed_at) VALUES " +
            $"('b1-{tag}', '{ids[2]}', 'direct{tag}', '{repo}', 'full', 'completed', '/x', '2026-11-01 01:00:00', '2026-11-01 02:00:00'), " +
            $"('b2-{tag}', '{ids[2]}', 'direct{tag}', '{repo}', 'incremental', 'failed', '/x', '2026-11-02 01:00:00', NULL)");

        var vms = new RecordingObserver<VM>();
        await new VMService(new VMStore(Hub)).GetAsync(new VMQuery { Names = new[] { $"*{tag}" }, IncludeProtection = true }, vms, CancellationToken.None);
        Dictionary<string, VM> byName = vms.Values.ToDictionary(vm => vm.Name);
        Assert.Equal(ProtectionStatus.Protected, byName[$"on{tag}"].ProtectionStatus);
        Assert.Equal(ProtectionStatus.Partial, byName[$"off{tag}"].ProtectionStatus);
        Assert.Equal(ProtectionStatus.Protected, byName[$"direct{tag}"].ProtectionStatus);
        Assert.Equal(ProtectionStatus.Partial, byName[$"deadrepo{tag}"].ProtectionStatus);
        Assert.Equal(ProtectionStatus.Protected, byName[$"sched{tag}"].ProtectionStatus);
        Assert.Equal(ProtectionStatus.Partial, byName[$"unsched{tag}"].ProtectionStatus);
        Assert.Equal(ProtectionStatus.Unprotected, byName[$"none{tag}"].ProtectionStatus);
        Assert.Equal(new[] { $"Web {tag} flow" }, byName[$"off{tag}"].Flows);
        Assert.Equal(new DateTime(2026, 11, 1, 2, 0, 0), byName[$"direct{tag}"].LastBackup);
        Assert.Equal("failed", byName[$"direct{tag}"].LastBackupStatus);

        var partial = new RecordingObserver<VM>();
        await new VMService(new VMStore(Hub)).GetAsync(new VMQuery { Names = new[] { $"*{tag}" }, IncludeProtection = true,
            ProtectionStatuses = new[] { ProtectionStatus.Partial } }, partial, CancellationToken.None);
        Assert.Equal(new[] { $"deadrepo{tag}", $"off{tag}", $"unsched{tag}" }, partial.Values.Select(vm => vm.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Remove_takes_the_executions_with_it_and_refuses_a_running_one_unless_forced()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"rm{tag}");
        ProtectionFlow flow = (await CreateAsync(ids, await RepositoryAsync(tag))).Single();
        await Database.ExecuteAsync("INSERT INTO protection_flow_executions (flow_id, status, execution_type, started_at) VALUES " +
            $"('{flow.Id}', 'success', 'manual', NOW() - INTERVAL 1 DAY), ('{flow.Id}', 'running', 'manual', NOW())");

        var history = new RecordingObserver<ProtectionFlowExecution>();
        await Flows.GetExecutionsAsync(new[] { FlowIdentity.Of(flow) }, 10, history, CancellationToken.None);
        Assert.Equal(new[] { "running", "success" }, history.Values.Select(e => e.Status));

        var refused = new RecordingObserver<ProtectionFlow>();
        await Flows.RemoveAsync(FlowIdentity.Of(flow), force: false, refused, CancellationToken.None);
        Assert.Equal(SendenseErrorCode.ProtectionFlowExecutionRunning, refused.Errors.Single().Error.Code);
        Assert.Equal(2L, await HubRows.CountAsync(Database, $"SELECT COUNT(*) FROM protection_flow_executions WHERE flow_id = '{flow.Id}'"));

        await Flows.RemoveAsync(FlowIdentity.Of(flow), force: true, new RecordingObserver<ProtectionFlow>(), CancellationToken.None);
        Assert.Equal(0L, await HubRows.CountAsync(Database, $"SELECT COUNT(*) FROM protection_flow_executions WHERE flow_id = '{flow.Id}'"));
        Assert.Equal(0L, await HubRows.CountAsync(Database, $"SELECT COUNT(*) FROM protection_flows WHERE id = '{flow.Id}'"));
    }

    private async Task<IReadOnlyList<ProtectionFlow>> CreateAsync(IEnumerable<string> contextIds, string repository)
    {
        var observer = new RecordingObserver<ProtectionFlow>();
        await Flows.CreateAsync(new FlowDefinition
        {
            Repository = repository,
            Targets = contextIds.Select(id => FlowTargetReference.ForVM(VMReference.FromContextId(id))).ToList(),
            CreatedBy = "powershell:test",
        }, observer, CancellationToken.None);
        return observer.Values;
    }

    private async Task<string> RepositoryAsync(string tag, bool enabled = true)
    {
        string id = "repo-" + tag;
        await Database.ExecuteAsync($"INSERT INTO backup_repositories (id, name, repository_type, enabled, config) VALUES ('{id}', 'Repo {tag}', 'local', {(enabled ? 1 : 0)}, '{{}}')");
        return id;
    }
}
