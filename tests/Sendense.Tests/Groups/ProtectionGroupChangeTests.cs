using Sendense.Core.Groups;
using Sendense.Hub.Groups;
using Sendense.Tests.Rig;
using Xunit;

namespace Sendense.Tests.Groups;

/// <summary>Changing groups and their membership: idempotent adds, honest removes, upstream's delete rules.</summary>
public sealed class ProtectionGroupChangeTests : IClassFixture<HubDatabaseFixture>, IAsyncLifetime
{
    private readonly HubDatabase _database;
    private HubConnection _hub = null!;

    public ProtectionGroupChangeTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    public async Task InitializeAsync() => _hub = await GroupTestHub.ConnectAsync(_database);

    public Task DisposeAsync()
    {
        _hub.Session.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Renames_and_refuses_a_name_another_group_has()
    {
        string tag = GroupTestHub.Tag();
        ProtectionGroup group = await CreateAsync($"Old{tag}");
        await CreateAsync($"Taken{tag}");

        var taken = await Assert.ThrowsAsync<SendenseException>(() => ProtectionGroupEngine.PrepareUpdateAsync(_hub, group,
            new ProtectionGroupChange { NewName = $"TAKEN{tag} " }, CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNameTaken, taken.Code);

        // A change of case only is a rename of the group itself, not a collision.
        ProtectionGroup renamed = await UpdateAsync(group, new ProtectionGroupChange { NewName = $"OLD{tag}" });
        Assert.Equal($"OLD{tag}", renamed.Name);
        Assert.Equal(group.Id, renamed.Id);
    }

    [Fact]
    public async Task Sets_and_clears_a_schedule_and_writes_only_what_changes()
    {
        string tag = GroupTestHub.Tag();
        await _database.ExecuteAsync($"INSERT INTO replication_schedules (name, cron_expression) VALUES ('weekly-{tag}', '0 3 * * 0')");
        ProtectionGroup group = await CreateAsync($"Sched{tag}");

        ProtectionGroup scheduled = await UpdateAsync(group, new ProtectionGroupChange
        {
            Schedule = $"weekly-{tag}", MaxConcurrentVMs = 10, Priority = 20, SetDescription = true, Description = "  ",
        });
        Assert.Equal($"weekly-{tag}", scheduled.ScheduleName);
        Assert.Equal(10, scheduled.MaxConcurrentVMs);
        Assert.Equal(20, scheduled.Priority);
        Assert.Null(scheduled.Description);

        ProtectionGroupUpdatePlan same = await ProtectionGroupEngine.PrepareUpdateAsync(_hub, scheduled,
            new ProtectionGroupChange { Schedule = $"WEEKLY-{tag}", MaxConcurrentVMs = 10, Priority = 20 }, CancellationToken.None);
        Assert.Empty(same.Changes);

        ProtectionGroup cleared = await UpdateAsync(scheduled, new ProtectionGroupChange { ClearSchedule = true });
        Assert.Null(cleared.ScheduleId);
        Assert.Null(await _database.ScalarAsync($"SELECT schedule_id FROM vm_machine_groups WHERE id = '{group.Id}'"));
    }

    [Fact]
    public async Task Adding_is_idempotent_and_reports_vms_that_already_are_members()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(_database, "vc01.lab", $"a1{tag}", $"a2{tag}", $"a3{tag}");
        ProtectionGroup group = await CreateAsync($"Add{tag}", ids[0]);
        List<ManagedVMKey> vms = (await ProtectionGroupEngine.ResolveVMsAsync(_hub, ids.Select(id => VMReference.FromContextId(id)).ToList(),
            CancellationToken.None)).VMs.ToList();

        IReadOnlyList<ProtectionGroupMember> first = await ProtectionGroupEngine.AddMembersAsync(_hub,
            vms.Select(vm => new GroupVMPair(group, vm)).ToList(), 30, CancellationToken.None);
        Assert.Equal(new ProtectionGroupMemberResult?[] { ProtectionGroupMemberResult.AlreadyMember, ProtectionGroupMemberResult.Added, ProtectionGroupMemberResult.Added },
            first.Select(member => member.Result));
        Assert.Equal(new[] { 50, 30, 30 }, first.Select(member => member.Priority));
        Assert.All(first, member => Assert.False(string.IsNullOrEmpty(member.MembershipId)));

        IReadOnlyList<ProtectionGroupMember> again = await ProtectionGroupEngine.AddMembersAsync(_hub,
            vms.Select(vm => new GroupVMPair(group, vm)).ToList(), 30, CancellationToken.None);
        Assert.All(again, member => Assert.Equal(ProtectionGroupMemberResult.AlreadyMember, member.Result));
        Assert.Equal(3L, await GroupTestHub.CountAsync(_database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE group_id = '{group.Id}'"));
    }

    [Fact]
    public async Task Adding_to_a_group_removed_meanwhile_says_so_and_writes_nothing()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(_database, "vc01.lab", $"g1{tag}");
        ProtectionGroup group = await CreateAsync($"Gone{tag}");
        ManagedVMKey vm = (await ProtectionGroupEngine.ResolveVMsAsync(_hub, new[] { VMReference.FromContextId(ids[0]) }, CancellationToken.None)).VMs[0];
        await _database.ExecuteAsync($"DELETE FROM vm_machine_groups WHERE id = '{group.Id}'");

        var error = await Assert.ThrowsAsync<SendenseException>(() => ProtectionGroupEngine.AddMembersAsync(_hub,
            new[] { new GroupVMPair(group, vm) }, 50, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.ProtectionGroupNotFound, error.Code);
        Assert.Equal(0L, await GroupTestHub.CountAsync(_database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '{ids[0]}'"));
    }

    [Fact]
    public async Task Removing_deletes_only_the_memberships_and_reports_vms_that_were_not_members()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(_database, "vc01.lab", $"r1{tag}", $"r2{tag}");
        ProtectionGroup group = await CreateAsync($"Rem{tag}", ids[0]);
        ProtectionGroup other = await CreateAsync($"Keep{tag}", ids[0]);
        List<ManagedVMKey> vms = (await ProtectionGroupEngine.ResolveVMsAsync(_hub, ids.Select(id => VMReference.FromContextId(id)).ToList(),
            CancellationToken.None)).VMs.ToList();

        MemberRemoval removal = await ProtectionGroupEngine.RemoveMembersAsync(_hub, vms.Select(vm => new GroupVMPair(group, vm)).ToList(), CancellationToken.None);

        ProtectionGroupMember removed = Assert.Single(removal.Removed);
        Assert.Equal(ProtectionGroupMemberResult.Removed, removed.Result);
        Assert.Equal(ids[0], removed.ContextId);
        Assert.Equal(ids[1], Assert.Single(removal.NotMembers).VM.ContextId);
        Assert.Equal(0L, await GroupTestHub.CountAsync(_database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE group_id = '{group.Id}'"));
        Assert.Equal(1L, await GroupTestHub.CountAsync(_database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE group_id = '{other.Id}'"));
        Assert.Equal(2L, await GroupTestHub.CountAsync(_database, $"SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id IN ('{ids[0]}', '{ids[1]}')"));
    }

    [Fact]
    public async Task Deleting_refuses_members_and_running_executions_unless_forced()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(_database, "vc01.lab", $"d1{tag}");
        await _database.ExecuteAsync($"INSERT INTO replication_schedules (name, cron_expression) VALUES ('run-{tag}', '* * * * *')");
        ProtectionGroup full = await CreateAsync($"Full{tag}", ids[0]);
        ProtectionGroup running = await CreateAsync($"Running{tag}");
        await _database.ExecuteAsync(
            $"INSERT INTO schedule_executions (id, schedule_id, group_id, scheduled_at, status) SELECT 'exec-{tag}', id, '{running.Id}', NOW(), 'running' FROM replication_schedules WHERE name = 'run-{tag}'");

        var notEmpty = await Assert.ThrowsAsync<SendenseException>(() => ProtectionGroupEngine.RemoveAsync(_hub, full, false, CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNotEmpty, notEmpty.Code);
        Assert.Contains("1 VM", notEmpty.Message);
        var busy = await Assert.ThrowsAsync<SendenseException>(() => ProtectionGroupEngine.RemoveAsync(_hub, running, false, CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionGroupExecutionRunning, busy.Code);

        Assert.Equal(1, await ProtectionGroupEngine.RemoveAsync(_hub, full, true, CancellationToken.None));
        Assert.Equal(0, await ProtectionGroupEngine.RemoveAsync(_hub, running, true, CancellationToken.None));

        // The foreign keys did the rest, as upstream relies on: memberships gone, the execution kept without a group.
        Assert.Equal(0L, await GroupTestHub.CountAsync(_database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '{ids[0]}'"));
        Assert.Null(await _database.ScalarAsync($"SELECT group_id FROM schedule_executions WHERE id = 'exec-{tag}'"));
        Assert.Equal(1L, await GroupTestHub.CountAsync(_database, $"SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id = '{ids[0]}'"));

        var gone = await Assert.ThrowsAsync<SendenseException>(() => ProtectionGroupEngine.RemoveAsync(_hub, full, true, CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNotFound, gone.Code);
    }

    private async Task<ProtectionGroup> CreateAsync(string name, params string[] contextIds)
    {
        ProtectionGroupCreationPlan plan = await ProtectionGroupEngine.PrepareCreateAsync(_hub,
            new ProtectionGroupDefinition { Name = name, Description = "x" },
            contextIds.Select(id => VMReference.FromContextId(id)).ToList(), CancellationToken.None);
        return await ProtectionGroupEngine.CreateAsync(_hub, plan, CancellationToken.None);
    }

    private async Task<ProtectionGroup> UpdateAsync(ProtectionGroup group, ProtectionGroupChange change)
    {
        ProtectionGroupUpdatePlan plan = await ProtectionGroupEngine.PrepareUpdateAsync(_hub, group, change, CancellationToken.None);
        return await ProtectionGroupEngine.UpdateAsync(_hub, plan, CancellationToken.None);
    }
}
