using Sendense.Core.VMs;
using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub.VMs;

/// <summary>Remove-SendenseVM's engine: busy rules and the schema's cascades, on the real MariaDB.</summary>
public sealed class VMRemoveEngineTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _database;

    public VMRemoveEngineTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task Removing_lets_the_schema_cascade_disks_memberships_and_jobs_and_keeps_the_group()
    {
        string ctx = await AddAsync("rm-plain");
        await _database.ExecuteAsync(
            "INSERT INTO vm_machine_groups (name) VALUES ('rm-group');" +
            $"INSERT INTO vm_group_memberships (group_id, vm_context_id) SELECT id, '{ctx}' FROM vm_machine_groups WHERE name = 'rm-group';" +
            Job("rm-done-job", ctx, "completed"));

        var targets = await ResolveAsync(new VMQuery { ContextIds = new[] { ctx } });
        VMRemovalTarget target = Assert.Single(targets);
        Assert.Null(target.BusyReason);
        Assert.Equal(new[] { "rm-group" }, target.VM.Groups);

        var results = await RemoveAsync(new[] { ctx }, force: false);

        Assert.Equal(VMRemovalResult.Removed, results[ctx]);
        Assert.Equal(0L, await Count($"SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id = '{ctx}'"));
        Assert.Equal(0L, await Count($"SELECT COUNT(*) FROM vm_disks WHERE vm_context_id = '{ctx}'"));
        Assert.Equal(0L, await Count($"SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '{ctx}'"));
        Assert.Equal(0L, await Count("SELECT COUNT(*) FROM replication_jobs WHERE id = 'rm-done-job'"));
        Assert.Equal(1L, await Count("SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'rm-group'"));
    }

    [Theory]
    [InlineData("status", "its status is replicating")]
    [InlineData("failover", "its status is failed_over_test")]
    [InlineData("job", "replication job rm-busy-job-job is initializing")]
    [InlineData("current", "replication job rm-busy-current-job is replicating")]
    [InlineData("backup", "backup job")]
    public async Task A_busy_VM_is_reported_and_kept_unless_forced(string kind, string reason)
    {
        string name = "rm-busy-" + kind;
        string ctx = await AddAsync(name);
        await _database.ExecuteAsync(kind switch
        {
            "status" => $"UPDATE vm_replication_contexts SET current_status = 'replicating' WHERE context_id = '{ctx}'",
            "failover" => $"UPDATE vm_replication_contexts SET current_status = 'failed_over_test' WHERE context_id = '{ctx}'",
            "job" => Job(name + "-job", ctx, "initializing"),
            "current" => Job(name + "-job", null, "replicating") + $"UPDATE vm_replication_contexts SET current_job_id = '{name}-job' WHERE context_id = '{ctx}';",
            _ => "INSERT INTO backup_repositories (id, name, repository_type, config) VALUES ('rm-repo', 'rm-repo', 'local', '{}');" +
                 $"INSERT INTO backup_jobs (id, vm_context_id, vm_name, repository_id, backup_type, status, repository_path) VALUES ('rm-backup', '{ctx}', '{name}', 'rm-repo', 'full', 'running', '/x');",
        });

        VMRemovalTarget target = Assert.Single(await ResolveAsync(new VMQuery { Names = new[] { name } }));
        Assert.Contains(reason, target.BusyReason);

        Assert.Equal(VMRemovalResult.Busy, (await RemoveAsync(new[] { ctx }, force: false))[ctx]);
        Assert.Equal(1L, await Count($"SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id = '{ctx}'"));

        Assert.Equal(VMRemovalResult.Removed, (await RemoveAsync(new[] { ctx }, force: true))[ctx]);
        Assert.Equal(0L, await Count($"SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id = '{ctx}'"));
    }

    [Fact]
    public async Task A_job_that_starts_between_resolving_and_removing_still_protects_the_VM()
    {
        string ctx = await AddAsync("rm-late");
        Assert.Null(Assert.Single(await ResolveAsync(new VMQuery { ContextIds = new[] { ctx } })).BusyReason);
        await _database.ExecuteAsync(Job("rm-late-job", ctx, "pending"));

        Assert.Equal(VMRemovalResult.Busy, (await RemoveAsync(new[] { ctx }, force: false))[ctx]);
        Assert.Equal(VMRemovalResult.AlreadyGone, (await RemoveAsync(new[] { "ctx-never-existed" }, force: false))["ctx-never-existed"]);
    }

    private async Task<string> AddAsync(string name) =>
        Assert.Single((await VMAdds.RunAsync(_database, new[] { TestVMs.Make(name, vcenter: "rm.vc") })).VMs).ContextId;

    private static string Job(string id, string? ctx, string status) =>
        "INSERT INTO replication_jobs (id, vm_context_id, source_vm_id, source_vm_name, source_vm_path, v_center_host, datacenter, replication_type, status) " +
        $"VALUES ('{id}', {(ctx is null ? "NULL" : "'" + ctx + "'")}, 'x', 'x', 'x', 'x', 'x', 'full', '{status}');";

    private Task<long> Count(string sql) => HubRows.CountAsync(_database, sql);

    private async Task<IReadOnlyList<VMRemovalTarget>> ResolveAsync(VMQuery filter)
    {
        HubConnection hub = await TestVMs.ConnectAsync(_database);
        try
        {
            return await new VMStore(hub).QueryForRemovalAsync(filter, CancellationToken.None);
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    private async Task<IReadOnlyDictionary<string, VMRemovalResult>> RemoveAsync(string[] ids, bool force)
    {
        HubConnection hub = await TestVMs.ConnectAsync(_database);
        try
        {
            return await new VMStore(hub).RemoveAsync(ids.ToList(), force, CancellationToken.None);
        }
        finally
        {
            hub.Session.Dispose();
        }
    }
}
