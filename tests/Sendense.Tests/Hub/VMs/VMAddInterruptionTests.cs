using MySqlConnector;
using Sendense.Core.VMs;
using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub.VMs;

/// <summary>An add batch interrupted while its transaction is in flight, on the real MariaDB: none of it may stay.</summary>
public sealed class VMAddInterruptionTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _database;

    public VMAddInterruptionTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task A_connection_killed_mid_batch_leaves_nothing_of_the_batch()
    {
        string anchorContext = await WhileABatchWaitsAsync("kill", 50, async (run, plan) =>
        {
            Task write = run.WriteAsync(run.Prepare(plan), CancellationToken.None);

            // Wait until the writer is blocked inside its transaction with its new rows already written (seen with a
            // dirty read), then kill its connection.
            long thread = 0;
            for (int i = 0; i < 200 && thread == 0; i++)
            {
                await Task.Delay(50);
                if (await DirtyCountAsync("kill.vc") >= 51)
                {
                    thread = await WriterThreadAsync();
                }
            }

            Assert.NotEqual(0, thread);
            await _database.ExecuteAsync($"KILL CONNECTION {thread}");
            // The session opens a new write connection and says the batch must be planned again (issue 12: a lost
            // connection before COMMIT is retried by re-planning from what the hub committed, never written twice).
            var error = await Assert.ThrowsAsync<VMWriteRejectedException>(() => write);
            Assert.Equal(VMWriteRejection.ConnectionLost, error.Rejection);
        });

        Assert.Equal(1L, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'kill.vc'"));
        Assert.Equal(2L, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_disks d JOIN vm_replication_contexts c ON c.context_id = d.vm_context_id WHERE c.vcenter_host = 'kill.vc'"));
        Assert.Equal(1L, await EventuallyDirtyCountAsync("kill.vc", 1)); // not even uncommitted rows are left
        Assert.Equal("poweredOn", await _database.ScalarAsync($"SELECT power_state FROM vm_replication_contexts WHERE context_id = '{anchorContext}'"));
    }

    [Fact]
    public async Task Stopping_mid_batch_rolls_the_batch_back_and_leaves_no_open_transaction()
    {
        await WhileABatchWaitsAsync("stop", 20, async (run, plan) =>
        {
            using var stop = new CancellationTokenSource();
            Task write = run.WriteAsync(run.Prepare(plan), stop.Token);
            for (int i = 0; i < 200 && await DirtyCountAsync("stop.vc") < 21; i++)
            {
                await Task.Delay(50);
            }

            Assert.Equal(21L, await DirtyCountAsync("stop.vc")); // mid-batch: its new contexts are written, uncommitted
            stop.Cancel(); // what Ctrl+C does
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);

            // The batch was rolled back at once, while the session and its pooled connections are still open: not
            // even a dirty read sees its rows, so no transaction of it holds locks until the pool resets the connection.
            Assert.Equal(1L, await EventuallyDirtyCountAsync("stop.vc", 1));
        });

        Assert.Equal(1L, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'stop.vc'"));
    }

    // A batch of one managed VM (the anchor, refreshed) and new ones on vCenter '<prefix>.vc', planned on a fresh add
    // session and handed to interrupt. Another transaction holds the anchor's row FOR UPDATE until interrupt returns,
    // so the batch's refresh waits on it after the batch has inserted its new contexts: interrupt can act while the
    // batch is in flight. Returns the anchor's context id.
    private async Task<string> WhileABatchWaitsAsync(string prefix, int newVMs, Func<IVMAddSession, IReadOnlyList<VMAddDecision>, Task> interrupt)
    {
        string vcenter = prefix + ".vc";
        DiscoveredVM anchor = TestVMs.Make(prefix + "-anchor", vcenter: vcenter);
        string anchorContext = Assert.Single((await VMAdds.RunAsync(_database, new[] { anchor })).VMs).ContextId;
        anchor.PowerState = "suspended";
        DiscoveredVM[] batch = new[] { anchor }.Concat(Enumerable.Range(0, newVMs).Select(i => TestVMs.Make(prefix + i, vcenter: vcenter))).ToArray();

        using MySqlConnection blocker = await _database.OpenAsync();
        using (var lockRow = new MySqlCommand($"START TRANSACTION; SELECT * FROM vm_replication_contexts WHERE context_id = '{anchorContext}' FOR UPDATE;", blocker))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        HubConnection hub = await TestVMs.ConnectAsync(_database);
        try
        {
            using IVMAddSession run = await new VMStore(hub).OpenAddSessionAsync(null, CancellationToken.None);
            IReadOnlyList<VMAddDecision> plan = await PlanAsync(run, batch);
            Assert.Equal(newVMs, plan.Count(d => d.Action == VMAddAction.Add));
            await interrupt(run, plan);
        }
        finally
        {
            using (var release = new MySqlCommand("ROLLBACK", blocker))
            {
                await release.ExecuteNonQueryAsync();
            }

            hub.Session.Dispose();
        }

        return anchorContext;
    }

    // One batch planned as the add plans it: validated, the hub's facts read, decided by the pure planner.
    private static async Task<IReadOnlyList<VMAddDecision>> PlanAsync(IVMAddSession run, IReadOnlyList<DiscoveredVM> batch)
    {
        List<VMAddCandidate> candidates = batch.Select((vm, i) => new VMAddCandidate(i, vm, VMInputValidator.Validate(vm))).ToList();
        VMAddFacts facts = await run.ReadFactsAsync(candidates, VMAddLane.LookAhead, CancellationToken.None);
        return VMAddPlanner.Plan(candidates, facts, null);
    }

    // Rows of the vCenter including uncommitted ones: shows where a transaction in flight has got to.
    private async Task<long> DirtyCountAsync(string vcenter)
    {
        using MySqlConnection connection = await _database.OpenAsync();
        using var command = new MySqlCommand(
            $"SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED; SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = '{vcenter}'", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<long> EventuallyDirtyCountAsync(string vcenter, long expected)
    {
        long count = -1;
        for (int i = 0; i < 50 && count != expected; i++)
        {
            count = await DirtyCountAsync(vcenter);
            if (count != expected)
            {
                await Task.Delay(100);
            }
        }

        return count;
    }

    // The connection whose batch transaction waits in its refresh (the statement the processlist shows).
    private async Task<long> WriterThreadAsync() => await HubRows.CountAsync(_database,
        "SELECT IFNULL(MAX(id), 0) FROM information_schema.processlist WHERE db = DATABASE() AND info LIKE 'UPDATE vm_replication_contexts c JOIN sd_vm_refresh%'");
}
