using Sendense.Core.Groups;

namespace Sendense.Tests.Hub.Groups;

/// <summary>Changing groups and their membership through GroupStore on MariaDB: idempotent adds, honest removes, upstream's delete rules.</summary>
public sealed class GroupStoreChangeTests : GroupHubTests
{
    public GroupStoreChangeTests(HubDatabaseFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Renames_and_refuses_a_name_another_group_has()
    {
        string tag = GroupTestHub.Tag();
        ProtectionGroup group = await CreateAsync($"Old{tag}");
        await CreateAsync($"Taken{tag}");

        var refused = new RecordingObserver<ProtectionGroup>();
        await Service.UpdateAsync(new ProtectionGroupIdentity(group), new ProtectionGroupChange { NewName = $"TAKEN{tag} " }, refused, CancellationToken.None);
        Assert.Equal(SendenseErrorCode.ProtectionGroupNameTaken, Assert.Single(refused.Failures).Error!.Code);

        // A change of case only is a rename of the group itself, not a collision.
        ProtectionGroup renamed = await UpdateAsync(group, new ProtectionGroupChange { NewName = $"OLD{tag}" });
        Assert.Equal($"OLD{tag}", renamed.Name);
        Assert.Equal(group.Id, renamed.Id);
    }

    [Fact]
    public async Task Sets_and_clears_a_schedule_and_writes_only_what_changes()
    {
        string tag = GroupTestHub.Tag();
        await Database.ExecuteAsync($"INSERT INTO replication_schedules (name, cron_expression) VALUES ('weekly-{tag}', '0 3 * * 0')");
        ProtectionGroup group = await CreateAsync($"Sched{tag}");

        ProtectionGroup scheduled = await UpdateAsync(group, new ProtectionGroupChange
        {
            Schedule = $"weekly-{tag}", MaxConcurrentVMs = 10, Priority = 20, SetDescription = true, Description = "  ",
        });
        Assert.Equal($"weekly-{tag}", scheduled.ScheduleName);
        Assert.Equal(10, scheduled.MaxConcurrentVMs);
        Assert.Equal(20, scheduled.Priority);
        Assert.Null(scheduled.Description);

        var same = new RecordingObserver<ProtectionGroup>();
        await Service.UpdateAsync(new ProtectionGroupIdentity(scheduled), new ProtectionGroupChange { Schedule = $"WEEKLY-{tag}", MaxConcurrentVMs = 10, Priority = 20 },
            same, CancellationToken.None);
        Assert.Empty(same.Questions);
        Assert.Equal(scheduled.UpdatedAt, Assert.Single(same.Values).UpdatedAt);

        ProtectionGroup cleared = await UpdateAsync(scheduled, new ProtectionGroupChange { ClearSchedule = true });
        Assert.Null(cleared.ScheduleId);
        Assert.Null(await Database.ScalarAsync($"SELECT schedule_id FROM vm_machine_groups WHERE id = '{group.Id}'"));
    }

    [Fact]
    public async Task Adding_is_idempotent_and_reports_vms_that_already_are_members()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"a1{tag}", $"a2{tag}", $"a3{tag}");
        ProtectionGroup group = await CreateAsync($"Add{tag}", ids[0]);

        IReadOnlyList<ProtectionGroupMember> first = await AddAsync(group, ids, 30);
        Assert.Equal(new ProtectionGroupMemberResult?[] { ProtectionGroupMemberResult.AlreadyMember, ProtectionGroupMemberResult.Added, ProtectionGroupMemberResult.Added },
            first.Select(member => member.Result));
        Assert.Equal(new[] { 50, 30, 30 }, first.Select(member => member.Priority));
        Assert.All(first, member => Assert.False(string.IsNullOrEmpty(member.MembershipId)));

        IReadOnlyList<ProtectionGroupMember> again = await AddAsync(group, ids, 30);
        Assert.All(again, member => Assert.Equal(ProtectionGroupMemberResult.AlreadyMember, member.Result));
        Assert.Equal(3L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE group_id = '{group.Id}'"));
    }

    [Fact]
    public async Task Adding_to_a_group_removed_meanwhile_says_so_and_writes_nothing()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"g1{tag}");
        ProtectionGroup group = await CreateAsync($"Gone{tag}");
        var observer = new RecordingObserver<ProtectionGroupMember>
        {
            OnConfirm = () => Database.ExecuteAsync($"DELETE FROM vm_machine_groups WHERE id = '{group.Id}'"),
        };

        var error = await Assert.ThrowsAsync<SendenseException>(() => Service.AddMembersAsync(Requests(group, ids), 50, observer, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.ProtectionGroupNotFound, error.Code);
        Assert.True(error.StopsCommand);
        Assert.Equal(0L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '{ids[0]}'"));
    }

    [Fact]
    public async Task Removing_deletes_only_the_memberships_and_reports_vms_that_were_not_members()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"r1{tag}", $"r2{tag}");
        ProtectionGroup group = await CreateAsync($"Rem{tag}", ids[0]);
        ProtectionGroup other = await CreateAsync($"Keep{tag}", ids[0]);
        var observer = new RecordingObserver<ProtectionGroupMember>();

        await Service.RemoveMembersAsync(Requests(group, ids), observer, CancellationToken.None);

        ProtectionGroupMember removed = Assert.Single(observer.Values);
        Assert.Equal(ProtectionGroupMemberResult.Removed, removed.Result);
        Assert.Equal(ids[0], removed.ContextId);
        Assert.Contains(ids[1], Assert.Single(observer.Warnings));
        Assert.Equal(0L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE group_id = '{group.Id}'"));
        Assert.Equal(1L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE group_id = '{other.Id}'"));
        Assert.Equal(2L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id IN ('{ids[0]}', '{ids[1]}')"));
    }

    [Fact]
    public async Task Deleting_refuses_members_and_running_executions_unless_forced()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"d1{tag}");
        await Database.ExecuteAsync($"INSERT INTO replication_schedules (name, cron_expression) VALUES ('run-{tag}', '* * * * *')");
        ProtectionGroup full = await CreateAsync($"Full{tag}", ids[0]);
        ProtectionGroup running = await CreateAsync($"Running{tag}");
        await Database.ExecuteAsync(
            $"INSERT INTO schedule_executions (id, schedule_id, group_id, scheduled_at, status) SELECT 'exec-{tag}', id, '{running.Id}', NOW(), 'running' FROM replication_schedules WHERE name = 'run-{tag}'");

        SendenseException notEmpty = Assert.Single(await RemoveAsync(full, false))!;
        Assert.Equal(SendenseErrorCode.ProtectionGroupNotEmpty, notEmpty.Code);
        Assert.Contains("1 VM", notEmpty.Message);
        Assert.Equal(SendenseErrorCode.ProtectionGroupExecutionRunning, Assert.Single(await RemoveAsync(running, false))!.Code);
        Assert.Equal(2L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_machine_groups WHERE id IN ('{full.Id}', '{running.Id}')"));

        Assert.Empty(await RemoveAsync(full, true));
        Assert.Empty(await RemoveAsync(running, true));

        // The foreign keys did the rest, as upstream relies on: memberships gone, the execution kept without a group.
        Assert.Equal(0L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '{ids[0]}'"));
        Assert.Null(await Database.ScalarAsync($"SELECT group_id FROM schedule_executions WHERE id = 'exec-{tag}'"));
        Assert.Equal(1L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id = '{ids[0]}'"));

        Assert.Equal(SendenseErrorCode.ProtectionGroupNotFound, Assert.Single(await RemoveAsync(full, true))!.Code);
    }

    [Fact]
    public async Task The_store_deletes_only_what_the_rule_allows_and_reports_the_facts()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"f1{tag}", $"f2{tag}");
        ProtectionGroup group = await CreateAsync($"Facts{tag}", ids.ToArray());
        var store = new Sendense.Hub.Groups.GroupStore(Hub);

        GroupDeleteFacts kept = await store.DeleteAsync(group.Id, _ => false, CancellationToken.None);
        Assert.Equal(new GroupDeleteFacts(true, 2, 0, false), kept);
        GroupDeleteFacts deleted = await store.DeleteAsync(group.Id, facts => facts.Members == 2, CancellationToken.None);
        Assert.True(deleted.Deleted);
        Assert.False((await store.DeleteAsync(group.Id, _ => true, CancellationToken.None)).Exists);
    }

    private static MembershipRequest[] Requests(ProtectionGroup group, IEnumerable<string> contextIds) =>
        contextIds.Select(id => new MembershipRequest(new ProtectionGroupIdentity(group), VMReference.FromContextId(id))).ToArray();

    private Task<ProtectionGroup> CreateAsync(string name, params string[] contextIds) =>
        GroupTestHub.CreateAsync(Service, GroupTestHub.Definition(name, contextIds));

    private async Task<ProtectionGroup> UpdateAsync(ProtectionGroup group, ProtectionGroupChange change)
    {
        var observer = new RecordingObserver<ProtectionGroup>();
        await Service.UpdateAsync(new ProtectionGroupIdentity(group), change, observer, CancellationToken.None);
        Assert.Empty(observer.Failures);
        return Assert.Single(observer.Values);
    }

    private async Task<IReadOnlyList<ProtectionGroupMember>> AddAsync(ProtectionGroup group, IEnumerable<string> contextIds, int priority)
    {
        var observer = new RecordingObserver<ProtectionGroupMember>();
        await Service.AddMembersAsync(Requests(group, contextIds), priority, observer, CancellationToken.None);
        return observer.Values.ToList();
    }

    private async Task<IReadOnlyList<SendenseException?>> RemoveAsync(ProtectionGroup group, bool force)
    {
        var observer = new RecordingObserver<ProtectionGroup>();
        await Service.RemoveAsync(new ProtectionGroupIdentity(group), force, observer, CancellationToken.None);
        return observer.Failures.Select(failure => failure.Error).ToList();
    }
}
