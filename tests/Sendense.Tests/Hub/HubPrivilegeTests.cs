using Sendense.Core.Groups;
using Sendense.Core.VMs;
using Sendense.Hub.Connection;
using Sendense.Hub.Credentials;
using Sendense.Hub.Groups;
using Sendense.Hub.Schema;
using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub;

/// <summary>
/// Least-privilege database users on the real MariaDB (D4): a missing privilege is HubPermissionDenied naming it (not
/// HubLoginFailed, which sends the admin to the password), and Initialize-SendenseDatabase's report lists it.
/// </summary>
public sealed class HubPrivilegeTests : IClassFixture<HubDatabaseFixture>
{
    private const string Password = "Lp-Pa55-word";
    private readonly HubDatabase _database;

    public HubPrivilegeTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task Without_CREATE_TEMPORARY_TABLES_adding_VMs_is_a_permission_error_naming_it_and_nothing_is_written()
    {
        await using var user = await LeastPrivilegeUser.CreateAsync(_database, "SELECT, INSERT, UPDATE, DELETE");
        HubConnection hub = await ConnectAsync(user.Name);
        try
        {
            var observer = new RecordingObserver<VM>();
            var service = new VMService(new VMStore(hub), new CredentialStore(hub));
            var error = await Assert.ThrowsAsync<SendenseException>(() => service.AddAsync(
                new VMAddRequest { VMs = new[] { TestVMs.Make("lp-temp-1") } }, observer, CancellationToken.None));

            Assert.Equal(SendenseErrorCode.HubPermissionDenied, error.Code);
            Assert.Equal("PermissionDenied", Sendense.Core.Errors.ErrorTable.Of(error.Code).Category);
            Assert.Contains("CREATE TEMPORARY TABLES", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("password", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0L, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_replication_contexts WHERE vm_name = 'lp-temp-1'"));
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    [Fact]
    public async Task A_missing_table_privilege_names_the_privilege_and_the_table()
    {
        await using var user = await LeastPrivilegeUser.CreateAsync(_database, "SELECT");
        HubConnection hub = await ConnectAsync(user.Name);
        try
        {
            var error = await Assert.ThrowsAsync<SendenseException>(() => new GroupService(new GroupStore(hub)).CreateAsync(
                new ProtectionGroupDefinition { Name = "lp-group", Description = "d" }, new RecordingObserver<ProtectionGroup>(), CancellationToken.None));

            Assert.Equal(SendenseErrorCode.HubPermissionDenied, error.Code);
            Assert.Contains("INSERT privilege on table vm_machine_groups", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    [Fact]
    public async Task The_schema_report_lists_every_missing_privilege_from_any_grant_level_and_is_not_ready()
    {
        await using var user = await LeastPrivilegeUser.CreateAsync(_database, "SELECT, INSERT, UPDATE, DELETE",
            $"REVOKE DELETE ON `{_database.Name}`.* FROM '{{0}}'@'%'; GRANT DELETE ON `{_database.Name}`.`vm_disks` TO '{{0}}'@'%'");
        HubConnection hub = await ConnectAsync(user.Name);
        try
        {
            HubSchemaReport report = await HubSchemaEngine.InspectAsync(hub, CancellationToken.None);

            Assert.False(report.IsReady);
            Assert.Empty(report.Problems);
            Assert.Equal(new[]
            {
                "CREATE TEMPORARY TABLES on the database (Add-SendenseVM stages its batches in temporary tables)",
                "DELETE on vmware_credentials", "DELETE on vm_machine_groups", "DELETE on vm_replication_contexts",
                "DELETE on vm_group_memberships", // vm_disks has DELETE from a table-level grant: the probe sees it

            }, report.MissingPrivileges);
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    [Fact]
    public async Task The_documented_grant_is_enough_and_the_probes_leave_no_trace()
    {
        await using var user = await LeastPrivilegeUser.CreateAsync(_database, "SELECT, INSERT, UPDATE, DELETE, CREATE TEMPORARY TABLES");
        long rowsBefore = await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_replication_contexts");
        HubConnection hub = await ConnectAsync(user.Name);
        try
        {
            HubSchemaReport report = await HubSchemaEngine.InspectAsync(hub, CancellationToken.None);
            Assert.Empty(report.MissingPrivileges);
            Assert.True(report.IsReady);

            var observer = new RecordingObserver<VM>();
            await new VMService(new VMStore(hub), new CredentialStore(hub)).AddAsync(
                new VMAddRequest { VMs = new[] { TestVMs.Make("lp-enough-1") } }, observer, CancellationToken.None);
            Assert.Empty(observer.Errors);
            Assert.Equal(rowsBefore + 1, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_replication_contexts"));
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    private async Task<HubConnection> ConnectAsync(string user)
    {
        Sendense.Core.Hub.HubConnectionOptions options = _database.Options();
        options.UserName = user;
        options.Password = new System.Net.NetworkCredential(string.Empty, Password).SecurePassword;
        return await HubEngine.ConnectAsync(options, CancellationToken.None);
    }

    /// <summary>A database user with exactly the given grants on the test database, dropped again afterwards.</summary>
    private sealed class LeastPrivilegeUser : IAsyncDisposable
    {
        private readonly HubDatabase _database;

        private LeastPrivilegeUser(HubDatabase database, string name)
        {
            _database = database;
            Name = name;
        }

        internal string Name { get; }

        internal static async Task<LeastPrivilegeUser> CreateAsync(HubDatabase database, string grants, string? more = null)
        {
            var user = new LeastPrivilegeUser(database, $"lp{Guid.NewGuid():N}"[..12]);
            await database.ExecuteAsync($"CREATE USER '{user.Name}'@'%' IDENTIFIED BY '{Password}'; " +
                $"GRANT {grants} ON `{database.Name}`.* TO '{user.Name}'@'%'; " + (more is null ? string.Empty : string.Format(System.Globalization.CultureInfo.InvariantCulture, more, user.Name) + ";"));
            return user;
        }

        public async ValueTask DisposeAsync() => await _database.ExecuteAsync($"DROP USER IF EXISTS '{Name}'@'%'");
    }
}
