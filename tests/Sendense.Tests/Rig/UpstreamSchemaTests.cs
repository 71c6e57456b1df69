namespace Sendense.Tests.Rig;

/// <summary>The rig's databases really carry the upstream hub schema, as the hub's own code expects it.</summary>
public sealed class UpstreamSchemaTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _database;

    public UpstreamSchemaTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Theory]
    [InlineData("vm_replication_contexts")]
    [InlineData("vm_disks")]
    [InlineData("vm_machine_groups")]
    [InlineData("vm_group_memberships")]
    [InlineData("vmware_credentials")]
    [InlineData("replication_schedules")]
    [InlineData("schedule_executions")]
    [InlineData("ossea_configs")]
    [InlineData("protection_flows")]
    [InlineData("protection_flow_executions")]
    [InlineData("backup_repositories")]
    [InlineData("backup_policies")]
    [InlineData("backup_jobs")]
    [InlineData("vm_backup_contexts")]
    [InlineData("backup_disks")]
    public async Task The_workflow_tables_exist(string table)
    {
        object? count = await _database.ScalarAsync(
            $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '{table}'");
        Assert.Equal(1L, Convert.ToInt64(count, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_job_id_migration_is_applied_so_discovered_disks_can_have_no_job()
    {
        object? nullable = await _database.ScalarAsync(
            "SELECT is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'vm_disks' AND column_name = 'job_id'");
        Assert.Equal("YES", nullable);
    }

    [Fact]
    public async Task The_later_backup_migrations_are_applied_so_backup_jobs_carry_their_context_and_telemetry()
    {
        object? columns = await _database.ScalarAsync(
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'backup_jobs' " +
            "AND column_name IN ('vm_backup_context_id', 'current_phase', 'last_telemetry_at')");
        Assert.Equal(3L, Convert.ToInt64(columns, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Context_ids_and_group_ids_default_to_mariadb_uuids()
    {
        await _database.ExecuteAsync("INSERT INTO vm_machine_groups (name) VALUES ('rig check')");
        object? id = await _database.ScalarAsync("SELECT id FROM vm_machine_groups WHERE name = 'rig check'");
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", Assert.IsType<string>(id));
    }

    [Fact]
    public async Task Names_are_unique_case_insensitively_as_upstream_collation_makes_them()
    {
        await _database.ExecuteAsync("INSERT INTO vm_machine_groups (name) VALUES ('Prod Web')");
        var error = await Assert.ThrowsAsync<MySqlConnector.MySqlException>(
            () => _database.ExecuteAsync("INSERT INTO vm_machine_groups (name) VALUES ('prod web ')"));
        Assert.Equal(MySqlConnector.MySqlErrorCode.DuplicateKeyEntry, error.ErrorCode);
    }

    [Fact]
    public void The_vendored_fixture_is_identical_to_the_shared_upstream_dump_when_that_is_present()
    {
        string shared = Path.GetFullPath(Path.Combine(RigEnvironment.RepositoryRoot, "..", "shared", "fixtures", "sendense-hub"));
        string vendored = Path.Combine(RigEnvironment.RepositoryRoot, "tests", "fixtures", "sendense-hub");
        string[] vendoredFiles = Directory.GetFiles(vendored, "*.sql").Select(Path.GetFileName).OrderBy(n => n).ToArray()!;
        Assert.Equal(7, vendoredFiles.Length);
        if (!Directory.Exists(shared))
        {
            return; // A clean clone without the shared folder: the vendored copy is the reference.
        }

        string[] sharedFiles = Directory.GetFiles(shared, "*.sql").Select(Path.GetFileName).OrderBy(n => n).ToArray()!;
        Assert.Equal(sharedFiles, vendoredFiles);
        Assert.Equal(File.ReadAllText(Path.Combine(shared, "README.md")), File.ReadAllText(Path.Combine(vendored, "README.md")));
        foreach (string name in sharedFiles)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(shared, name)), File.ReadAllText(Path.Combine(vendored, name)));
        }
    }
}
