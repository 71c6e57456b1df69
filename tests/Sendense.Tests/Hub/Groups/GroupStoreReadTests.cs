using Sendense.Core.Groups;
using Sendense.Hub.Groups;

namespace Sendense.Tests.Hub.Groups;

/// <summary>Reading groups and members through GroupStore on MariaDB: one query each, with the numbers the hub GUI shows.</summary>
public sealed class GroupStoreReadTests : GroupHubTests
{
    public GroupStoreReadTests(HubDatabaseFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Counts_schedule_name_and_last_execution_come_with_each_group()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"c1{tag}", $"c2{tag}", $"c3{tag}", $"c4{tag}");
        await Database.ExecuteAsync($"INSERT INTO replication_schedules (name, cron_expression) VALUES ('daily-{tag}', '0 1 * * *')");
        ProtectionGroup counted = await CreateAsync($"Counted{tag}", ids, $"daily-{tag}");
        ProtectionGroup empty = await CreateAsync($"Empty{tag}", Array.Empty<string>(), null);

        // One membership disabled, one with a NULL flag (upstream's Go code reads it as disabled), two executions.
        await Database.ExecuteAsync($"UPDATE vm_group_memberships SET enabled = 0 WHERE vm_context_id = '{ids[0]}'");
        await Database.ExecuteAsync($"UPDATE vm_group_memberships SET enabled = NULL WHERE vm_context_id = '{ids[1]}'");
        await Database.ExecuteAsync(
            $"INSERT INTO schedule_executions (schedule_id, group_id, scheduled_at, status) SELECT id, '{counted.Id}', '2025-10-01 02:00:00', 'completed' FROM replication_schedules WHERE name = 'daily-{tag}';" +
            $"INSERT INTO schedule_executions (schedule_id, group_id, scheduled_at, status) SELECT id, '{counted.Id}', '2025-10-02 02:00:00', 'failed' FROM replication_schedules WHERE name = 'daily-{tag}'");

        var observer = new RecordingObserver<ProtectionGroup>();
        await Service.GetGroupsAsync(new[] { $"*{tag}" }, Array.Empty<string>(), observer, CancellationToken.None);
        List<ProtectionGroup> groups = observer.Values.ToList();

        Assert.Equal(new[] { $"Counted{tag}", $"Empty{tag}" }, groups.Select(group => group.Name));
        ProtectionGroup read = groups[0];
        Assert.Equal(counted.Id, read.Id);
        Assert.Equal(4, read.MemberCount);
        Assert.Equal(2, read.EnabledCount);
        Assert.Equal(2, read.DisabledCount);
        Assert.Equal($"daily-{tag}", read.ScheduleName);
        Assert.Equal(new DateTime(2025, 10, 2, 2, 0, 0), read.LastExecution);
        Assert.Equal("machine-group-service", read.CreatedBy);
        Assert.NotNull(read.CreatedAt);

        ProtectionGroup none = groups[1];
        Assert.Equal(empty.Id, none.Id);
        Assert.Equal(0, none.MemberCount);
        Assert.Equal(0, none.DisabledCount);
        Assert.Null(none.ScheduleName);
        Assert.Null(none.LastExecution);
    }

    [Fact]
    public async Task Name_patterns_run_in_theDatabase_with_like_characters_taken_literally()
    {
        string tag = GroupTestHub.Tag();
        await CreateAsync($"100%_{tag}", Array.Empty<string>(), null);
        await CreateAsync($"100ab{tag}", Array.Empty<string>(), null);

        var store = new GroupStore(Hub);
        IReadOnlyList<ProtectionGroup> literal = await store.ListGroupsAsync(new[] { new Wildcard($"100%_{tag}").ToSql() }, Array.Empty<string>(), CancellationToken.None);
        Assert.Equal($"100%_{tag}", Assert.Single(literal).Name);

        IReadOnlyList<ProtectionGroup> wildcard = await store.ListGroupsAsync(new[] { new Wildcard($"100??{tag}").ToSql() }, Array.Empty<string>(), CancellationToken.None);
        Assert.Equal(2, wildcard.Count);
    }

    [Fact]
    public async Task Identities_match_an_id_before_a_name_and_objects_only_by_id()
    {
        string tag = GroupTestHub.Tag();
        ProtectionGroup first = await CreateAsync($"First{tag}", Array.Empty<string>(), null);
        ProtectionGroup namedAfterId = await CreateAsync(first.Id, Array.Empty<string>(), null);
        var stale = new ProtectionGroup { Id = "00000000-0000-1000-8000-000000000000", Name = $"First{tag}" };

        var identities = new[]
        {
            new ProtectionGroupIdentity(first.Id), new ProtectionGroupIdentity($"first{tag}"), new ProtectionGroupIdentity(stale),
            new ProtectionGroupIdentity(namedAfterId.Id),
        };
        IReadOnlyDictionary<ProtectionGroupIdentity, ProtectionGroup> resolved =
            await GroupLookups.GroupsAsync(new GroupStore(Hub), identities, new RecordingObserver<ProtectionGroup>(), CancellationToken.None);

        Assert.Equal(first.Id, resolved[identities[0]].Id);
        Assert.Equal(first.Id, resolved[identities[1]].Id);
        Assert.False(resolved.ContainsKey(identities[2]));
        Assert.Equal(namedAfterId.Id, resolved[identities[3]].Id);
    }

    [Fact]
    public async Task Names_are_looked_up_by_theHub_s_collation_and_the_verbose_line_says_so_D10()
    {
        string tag = GroupTestHub.Tag();
        ProtectionGroup cafe = await CreateAsync($"Café {tag}", Array.Empty<string>(), null);
        var observer = new RecordingObserver<ProtectionGroupMember>();

        await Service.GetMembersAsync(new[] { new ProtectionGroupIdentity($"CAFE {tag}") }, Array.Empty<string>(), observer, CancellationToken.None);

        Assert.Empty(observer.Failures);
        Assert.Contains($"'CAFE {tag}' matched protection group 'Café {tag}'", Assert.Single(observer.VerboseLines));
        var taken = await Assert.ThrowsAsync<SendenseException>(() => CreateAsync($"cafe {tag}", Array.Empty<string>(), null));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNameTaken, taken.Code);
        Assert.Contains(cafe.Id, taken.Message);
    }

    [Fact]
    public async Task Members_come_with_group_and_vm_names_filtered_by_group_and_vm_name()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc02.lab", $"web1{tag}", $"web2{tag}", $"db1{tag}");
        ProtectionGroup web = await CreateAsync($"Members{tag}", ids, null);
        ProtectionGroup other = await CreateAsync($"Other{tag}", ids.Take(1).ToList(), null);

        var store = new GroupStore(Hub);
        IReadOnlyList<ProtectionGroupMember> members = await store.ListMembersAsync(new[] { web.Id },
            new[] { new Wildcard($"web*{tag}").ToSql() }, CancellationToken.None);

        Assert.Equal(new[] { $"web1{tag}", $"web2{tag}" }, members.Select(member => member.VMName));
        ProtectionGroupMember member = members[0];
        Assert.Equal(web.Id, member.GroupId);
        Assert.Equal($"Members{tag}", member.GroupName);
        Assert.Equal(ids[0], member.ContextId);
        Assert.Equal("vc02.lab", member.VCenter);
        Assert.Equal("DC1", member.Datacenter);
        Assert.Equal("poweredOn", member.PowerState);
        Assert.True(member.Enabled);
        Assert.Equal(50, member.Priority);
        Assert.Equal("system", member.AddedBy);
        Assert.Null(member.Result);

        IReadOnlyList<ProtectionGroupMember> everywhere = await store.ListMembersAsync(null,
            new[] { new Wildcard($"web1{tag}").ToSql() }, CancellationToken.None);
        Assert.Equal(new[] { web.Id, other.Id }, everywhere.Select(m => m.GroupId));
    }

    [Fact]
    public async Task Group_names_complete_from_a_literal_prefix()
    {
        string tag = GroupTestHub.Tag();
        await CreateAsync($"Comp*{tag} a", Array.Empty<string>(), null);
        await CreateAsync($"CompX{tag} b", Array.Empty<string>(), null);

        IReadOnlyList<string> names = await Service.CompleteGroupNamesAsync("comp*", 50, CancellationToken.None);

        Assert.Equal(new[] { $"Comp*{tag} a" }, names);
    }

    private Task<ProtectionGroup> CreateAsync(string name, IReadOnlyList<string> contextIds, string? schedule) =>
        GroupTestHub.CreateAsync(Service, GroupTestHub.Definition(name, contextIds, schedule));
}
