using MySqlConnector;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;

namespace Sendense.Tests.Hub.Groups;

/// <summary>Creating groups through GroupStore on the real MariaDB with the upstream schema: rows as upstream writes them, all or nothing.</summary>
public sealed class GroupStoreCreateTests : GroupHubTests
{
    private const string UuidV1 = "^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$";
    public GroupStoreCreateTests(HubDatabaseFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Writes_the_group_and_every_membership_as_theHub_does()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"web1{tag}", $"web2{tag}", $"web3{tag}");
        await Database.ExecuteAsync($"INSERT INTO replication_schedules (name, cron_expression) VALUES ('nightly-{tag}', '0 2 * * *')");

        ProtectionGroup group = await CreateAsync(new ProtectionGroupDefinition { Name = $"  Web {tag}  ", Description = " nightly ", Schedule = $"NIGHTLY-{tag}" },
            ids.Select(id => VMReference.FromContextId(id)));

        Assert.Matches(UuidV1, group.Id);
        Assert.Equal($"Web {tag}", group.Name);
        Assert.Equal(3, group.MemberCount);
        Assert.Equal(3, group.EnabledCount);
        Assert.Equal($"nightly-{tag}", group.ScheduleName);

        // The group row: the id from uuid(), the hub API's defaults, the creator its group service writes.
        await using MySqlConnection connection = await Database.OpenAsync();
        await using (var command = new MySqlCommand(
            "SELECT g.name, g.description, g.schedule_id = s.id, g.max_concurrent_vms, g.priority, g.created_by, " +
            "TIMESTAMPDIFF(SECOND, g.created_at, NOW()) < 60, g.created_at = g.updated_at " +
            "FROM vm_machine_groups g JOIN replication_schedules s ON s.name = @schedule WHERE g.id = @id", connection))
        {
            command.Parameters.AddWithValue("@id", group.Id);
            command.Parameters.AddWithValue("@schedule", $"nightly-{tag}");
            await using MySqlDataReader row = await command.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync());
            Assert.Equal($"Web {tag}", row.GetString(0));
            Assert.Equal("nightly", row.GetString(1));
            Assert.Equal(1L, row.GetInt64(2));
            Assert.Equal(5, row.GetInt32(3));
            Assert.Equal(0, row.GetInt32(4));
            Assert.Equal("machine-group-service", row.GetString(5));
            Assert.Equal(1L, row.GetInt64(6));
            Assert.Equal(1L, row.GetInt64(7));
        }

        // The memberships: as upstream's assign handler writes them.
        await using (var command = new MySqlCommand(
            "SELECT id, vm_context_id, enabled, priority, schedule_override_id IS NULL, added_by, TIMESTAMPDIFF(SECOND, added_at, NOW()) < 60 " +
            "FROM vm_group_memberships WHERE group_id = @id ORDER BY vm_context_id", connection))
        {
            command.Parameters.AddWithValue("@id", group.Id);
            await using MySqlDataReader rows = await command.ExecuteReaderAsync();
            var contexts = new List<string>();
            while (await rows.ReadAsync())
            {
                Assert.Matches(UuidV1, rows.GetString(0));
                contexts.Add(rows.GetString(1));
                Assert.True(rows.GetBoolean(2));
                Assert.Equal(50, rows.GetInt32(3));
                Assert.Equal(1L, rows.GetInt64(4));
                Assert.Equal("system", rows.GetString(5));
                Assert.Equal(1L, rows.GetInt64(6));
            }

            Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), contexts);
        }
    }

    [Fact]
    public async Task The_ungrouped_list_shrinks_by_the_members_and_a_vm_may_join_several_groups()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"app1{tag}", $"app2{tag}", $"app3{tag}");
        long before = await GroupTestHub.CountAsync(Database, GroupTestHub.CountUngrouped);

        await CreateAsync(new ProtectionGroupDefinition { Name = $"App {tag}", Description = "x" }, ids.Take(2).Select(id => VMReference.FromText(id)));
        Assert.Equal(before - 2, await GroupTestHub.CountAsync(Database, GroupTestHub.CountUngrouped));

        ProtectionGroup second = await CreateAsync(new ProtectionGroupDefinition { Name = $"App copy {tag}", Description = "x" },
            new[] { VMReference.FromName($"app1{tag}", "vc01.lab") });
        Assert.Equal(1, second.MemberCount);
        Assert.Equal(before - 2, await GroupTestHub.CountAsync(Database, GroupTestHub.CountUngrouped));
        Assert.Equal(2L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '{ids[0]}'"));
    }

    [Theory]
    [InlineData("DUP{0}")]
    [InlineData("dup{0}   ")]
    [InlineData("  Dup{0}")]
    public async Task A_name_taken_in_any_case_or_with_trailing_spaces_is_refused_and_nothing_is_written(string duplicate)
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"dup1{tag}");
        ProtectionGroup existing = await CreateAsync(new ProtectionGroupDefinition { Name = $"Dup{tag}", Description = "x" }, Array.Empty<VMReference>());
        long groups = await GroupTestHub.CountAsync(Database, "SELECT COUNT(*) FROM vm_machine_groups");
        long members = await GroupTestHub.CountAsync(Database, "SELECT COUNT(*) FROM vm_group_memberships");

        var error = await Assert.ThrowsAsync<SendenseException>(() => CreateAsync(
            new ProtectionGroupDefinition { Name = string.Format(CultureInfo.InvariantCulture, duplicate, tag), Description = "x" },
            ids.Select(id => VMReference.FromContextId(id))));

        Assert.Equal(SendenseErrorCode.ProtectionGroupNameTaken, error.Code);
        Assert.Contains($"'Dup{tag}'", error.Message);
        Assert.Contains(existing.Id, error.Message);
        Assert.Equal(groups, await GroupTestHub.CountAsync(Database, "SELECT COUNT(*) FROM vm_machine_groups"));
        Assert.Equal(members, await GroupTestHub.CountAsync(Database, "SELECT COUNT(*) FROM vm_group_memberships"));
    }

    [Fact]
    public async Task A_name_taken_between_the_check_and_the_write_is_refused_by_theDatabase_and_nothing_is_written()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"race1{tag}");
        var observer = new RecordingObserver<ProtectionGroup>
        {
            OnConfirm = () => Database.ExecuteAsync($"INSERT INTO vm_machine_groups (name) VALUES ('RACE{tag}')"),
        };

        var error = await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(
            GroupTestHub.Definition($"Race{tag}", ids), observer, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.ProtectionGroupNameTaken, error.Code);
        Assert.Contains($"'RACE{tag}'", error.Message);
        Assert.Equal(0L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '{ids[0]}'"));
    }

    [Fact]
    public async Task An_unknown_vm_in_the_middle_of_the_input_stops_before_anything_is_written()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"mid1{tag}", $"mid2{tag}");
        var observer = new RecordingObserver<ProtectionGroup>();

        var error = await Assert.ThrowsAsync<GroupInputException>(() => Service.CreateAsync(
            GroupTestHub.Definition($"Mid{tag}", new[] { ids[0], $"ctx-missing-{tag}", ids[1] }), observer, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.ProtectionGroupVMNotFound, error.Code);
        Assert.Contains($"ctx-missing-{tag}", error.Message);
        Assert.Equal($"ctx-missing-{tag}", error.Inputs);
        Assert.Empty(observer.Questions);
        Assert.Equal(0L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'Mid{tag}'"));
    }

    [Fact]
    public async Task A_vm_deleted_half_way_through_the_membership_batch_rolls_back_the_group_and_every_membership()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedManyAsync(Database, "del" + tag, 50);

        // After the first 10 rows, another session deletes a VM of the third chunk: its foreign key fails there.
        GroupWriteOptions options = BreakAfterFirstChunk(_ => Database.ExecuteAsync($"DELETE FROM vm_replication_contexts WHERE context_id = '{ids[25]}'"));
        var error = await Assert.ThrowsAsync<SendenseException>(() => GroupTestHub.CreateAsync(GroupTestHub.Service(Hub, options),
            GroupTestHub.Definition($"Half{tag}", ids)));

        Assert.Equal(SendenseErrorCode.ProtectionGroupVMNotFound, error.Code);
        Assert.Contains("Nothing was written", error.Message);
        Assert.Equal(0L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'Half{tag}'"));
        Assert.Equal(0L, await GroupTestHub.CountAsync(Database,
            $"SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id LIKE 'ctx-del{tag}%'"));
    }

    [Fact]
    public async Task A_connection_killed_half_way_through_the_batch_leaves_neither_the_group_nor_any_membership()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedManyAsync(Database, "kil" + tag, 30);

        GroupWriteOptions options = BreakAfterFirstChunk(connection =>
            Database.ExecuteAsync("KILL CONNECTION " + connection.ServerThread.ToString(CultureInfo.InvariantCulture)));
        var error = await Assert.ThrowsAsync<SendenseException>(() => GroupTestHub.CreateAsync(GroupTestHub.Service(Hub, options),
            GroupTestHub.Definition($"Killed{tag}", ids)));

        Assert.Equal(SendenseErrorCode.HubUnreachable, error.Code);
        Assert.True(error.IsTransient);
        Assert.Contains($"Killed{tag}", error.Message);
        Assert.Contains("Nothing of this change was written", error.Message); // one group is a change, not a "batch"
        Assert.DoesNotContain("batch", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'Killed{tag}'"));
        Assert.Equal(0L, await GroupTestHub.CountAsync(Database,
            $"SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id LIKE 'ctx-kil{tag}%'"));

        // The pool recovers: the next operation works.
        ProtectionGroup retried = await GroupTestHub.CreateAsync(Service, GroupTestHub.Definition($"Killed{tag}", ids));
        Assert.Equal(30, retried.MemberCount);
    }

    [Fact]
    public async Task Five_thousand_members_land_in_one_transaction_over_several_statements()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedManyAsync(Database, "big" + tag, 5000);

        ProtectionGroup group = await CreateAsync(new ProtectionGroupDefinition { Name = $"Big{tag}", Description = "x" },
            ids.Select(id => VMReference.FromContextId(id)));

        Assert.Equal(5000, group.MemberCount);
        Assert.Equal(5000L, await GroupTestHub.CountAsync(Database, $"SELECT COUNT(*) FROM vm_group_memberships WHERE group_id = '{group.Id}'"));
    }

    [Fact]
    public async Task Without_returning_the_generated_id_is_read_back_by_the_unique_name()
    {
        string tag = GroupTestHub.Tag();
        IReadOnlyList<string> ids = await GroupTestHub.SeedVMsAsync(Database, "vc01.lab", $"old1{tag}");
        ProtectionGroup group = await GroupTestHub.CreateAsync(GroupTestHub.Service(Hub, new GroupWriteOptions { UseReturning = false }),
            GroupTestHub.Definition($"Old{tag}", ids));

        Assert.Equal(await Database.ScalarAsync($"SELECT id FROM vm_machine_groups WHERE name = 'Old{tag}'"), group.Id);
        Assert.True(GroupInserter.SupportsReturning("10.11.19-MariaDB-0+deb12u1"));
        Assert.False(GroupInserter.SupportsReturning("10.4.34-MariaDB"));
        Assert.False(GroupInserter.SupportsReturning("8.0.36"));
    }

    [Fact]
    public async Task An_unknown_schedule_is_refused_naming_the_schedules_that_exist()
    {
        string tag = GroupTestHub.Tag();
        await Database.ExecuteAsync($"INSERT INTO replication_schedules (name, cron_expression) VALUES ('hourly-{tag}', '0 * * * *')");

        var error = await Assert.ThrowsAsync<SendenseException>(() => CreateAsync(
            new ProtectionGroupDefinition { Name = $"Sched{tag}", Description = "x", Schedule = "no-such-schedule" }, Array.Empty<VMReference>()));

        Assert.Equal(SendenseErrorCode.ProtectionGroupScheduleNotFound, error.Code);
        Assert.Contains("'no-such-schedule'", error.Message);
        Assert.Contains($"'hourly-{tag}'", error.Message);
    }

    [Fact]
    public async Task A_schedule_is_found_by_id_as_well()
    {
        string tag = GroupTestHub.Tag();
        await Database.ExecuteAsync($"INSERT INTO replication_schedules (name, cron_expression) VALUES ('byid-{tag}', '0 * * * *')");
        string id = (string)(await Database.ScalarAsync($"SELECT id FROM replication_schedules WHERE name = 'byid-{tag}'"))!;

        ProtectionGroup group = await CreateAsync(new ProtectionGroupDefinition { Name = $"ById{tag}", Description = "x", Schedule = id }, Array.Empty<VMReference>());

        Assert.Equal(id, group.ScheduleId);
        Assert.Equal($"byid-{tag}", group.ScheduleName);
    }

    [Theory]
    [InlineData(0, 0, 50)]
    [InlineData(5, 101, 50)]
    [InlineData(5, 0, -1)]
    public async Task Values_out_of_range_are_refused_before_theDatabase_is_touched(int max, int priority, int memberPriority)
    {
        var error = await Assert.ThrowsAsync<SendenseException>(() => CreateAsync(new ProtectionGroupDefinition
        {
            Name = "Range" + GroupTestHub.Tag(), Description = "x", MaxConcurrentVMs = max, Priority = priority, MemberPriority = memberPriority,
        }, Array.Empty<VMReference>()));
        Assert.Equal(SendenseErrorCode.ProtectionGroupValueOutOfRange, error.Code);
    }

    // Memberships in chunks of 10; after the first chunk, another session breaks the batch.
    private static GroupWriteOptions BreakAfterFirstChunk(Func<MySqlConnection, Task> breakIt) => new GroupWriteOptions
    {
        ChunkSize = 10,
        AfterChunk = (connection, written) => written == 10 ? breakIt(connection) : Task.CompletedTask,
    };

    private Task<ProtectionGroup> CreateAsync(ProtectionGroupDefinition definition, IEnumerable<VMReference> members)
    {
        definition.Members = members.ToList();
        return GroupTestHub.CreateAsync(Service, definition);
    }
}
