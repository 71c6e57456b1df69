using Sendense.Core.VMs;
using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub.VMs;

/// <summary>Update-SendenseVM's writes on the real MariaDB: rows of vanished disks, and the job rule in the DELETE itself.</summary>
public sealed class VMRefreshStoreTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _database;

    public VMRefreshStoreTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task Vanished_disks_lose_their_rows_unless_a_job_owns_them_even_one_that_claimed_a_row_after_planning()
    {
        DiscoveredVM vm = TestVMs.Make("refresh-disks", vcenter: "refresh-disks.vc", disks: 4);
        string ctx = Assert.Single((await VMAdds.RunAsync(_database, new[] { vm })).VMs).ContextId;
        await _database.ExecuteAsync(
            "INSERT INTO replication_jobs (id, vm_context_id, source_vm_id, source_vm_name, source_vm_path, v_center_host, datacenter, replication_type, status) " +
            $"VALUES ('job-disks', '{ctx}', 'x', 'x', 'x', 'x', 'x', 'full', 'completed');" +
            $"UPDATE vm_disks SET job_id = 'job-disks' WHERE vm_context_id = '{ctx}' AND disk_id = 'disk-2001';");
        vm.Disks = vm.Disks.Take(1).ToArray(); // vCenter now has only disk-2000

        HubConnection hub = await TestVMs.ConnectAsync(_database);
        try
        {
            using IVMAddSession run = await new VMStore(hub).OpenAddSessionAsync(null, CancellationToken.None);
            var candidates = new List<VMAddCandidate> { new VMAddCandidate(0, vm, VMInputValidator.Validate(vm)) };
            VMAddFacts facts = await run.ReadFactsAsync(candidates, VMAddLane.LookAhead, CancellationToken.None);
            VMAddDecision decision = Assert.Single(VMAddPlanner.Plan(candidates, facts, null, refresh: true));
            Assert.Equal(2, decision.VanishedDisks.Count);                      // disk-2002 and disk-2003, both job-less when planned
            Assert.Equal("disk-2001", Assert.Single(decision.KeptDisks).DiskId);

            // A job claims disk-2003 between the plan and the write: the DELETE's own WHERE must keep it.
            await _database.ExecuteAsync($"UPDATE vm_disks SET job_id = 'job-disks' WHERE vm_context_id = '{ctx}' AND disk_id = 'disk-2003';");
            await run.WriteAsync(run.Prepare(new[] { decision }), CancellationToken.None);
        }
        finally
        {
            hub.Session.Dispose();
        }

        var disks = await HubRows.QueryAsync(_database, "SELECT disk_id, job_id FROM vm_disks WHERE vm_context_id = @c ORDER BY disk_id", ("@c", ctx));
        Assert.Equal(new[] { "disk-2000", "disk-2001", "disk-2003" }, disks.Select(d => (string)d["disk_id"]!));
        Assert.Null(disks[0]["job_id"]);
        Assert.Equal("job-disks", disks[1]["job_id"]);
        Assert.Equal("job-disks", disks[2]["job_id"]);
    }
}
