using Sendense.Hub.Schema;
using Sendense.Tests.Hub.VMs;

namespace Sendense.Tests.Hub;

/// <summary>Initialize-SendenseDatabase's engine on the real MariaDB.</summary>
public sealed class HubSchemaEngineTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _upstream;

    public HubSchemaEngineTests(HubDatabaseFixture fixture) => _upstream = fixture.Database;

    [Fact]
    public async Task On_an_empty_database_it_creates_the_nine_tables_exactly_as_upstreams_schema_has_them()
    {
        await using HubDatabase empty = await HubDatabase.CreateAsync("sdinit", withSchema: false);
        HubConnection hub = await TestVMs.ConnectAsync(empty);
        try
        {
            HubSchemaReport before = await HubSchemaEngine.InspectAsync(hub, CancellationToken.None);
            Assert.False(before.IsReady);
            Assert.Equal(HubSchemaEngine.TableNames, before.MissingTables);

            HubSchemaReport after = await HubSchemaEngine.CreateTablesAsync(hub, HubSchemaEngine.TableNames.ToList(), CancellationToken.None);

            Assert.True(after.IsReady, string.Join("; ", after.Problems));
            Assert.Equal(HubSchemaEngine.TableNames, after.CreatedTables);
            Assert.Empty(after.ExistingTables);
            Assert.Contains("MariaDB", after.ServerVersion, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1L, await HubRows.CountAsync(empty, "SELECT @@FOREIGN_KEY_CHECKS"));
        }
        finally
        {
            hub.Session.Dispose();
        }

        foreach (string aspect in SchemaQueries.Keys)
        {
            Assert.Equal(await DescribeAsync(_upstream, aspect), await DescribeAsync(empty, aspect));
        }

        // And the module works against what it created.
        var added = await VMAdds.RunAsync(empty, new[] { TestVMs.Make("fresh-hub-vm") });
        Assert.Single(added.VMs);
    }

    [Fact]
    public async Task On_the_upstream_schema_it_creates_nothing_and_reports_ready()
    {
        HubConnection hub = await TestVMs.ConnectAsync(_upstream);
        try
        {
            HubSchemaReport report = await HubSchemaEngine.CreateTablesAsync(hub, HubSchemaEngine.TableNames.ToList(), CancellationToken.None);
            Assert.True(report.IsReady, string.Join("; ", report.Problems));
            Assert.Empty(report.CreatedTables);
            Assert.Equal(HubSchemaEngine.TableNames, report.ExistingTables);
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    [Fact]
    public async Task An_older_hub_is_reported_not_altered_and_its_rows_are_kept()
    {
        await using HubDatabase legacy = await HubDatabase.CreateAsync("sdlegacy", withSchema: false);
        // A hub from before the 2025-10-04 dump: vmware_credential_id instead of credential_id, vm_disks.job_id NOT NULL,
        // no name uniqueness; holding data.
        await legacy.ExecuteAsync(
            "CREATE TABLE vm_replication_contexts (context_id varchar(64) NOT NULL DEFAULT uuid(), vm_name varchar(255) NOT NULL, vmware_vm_id varchar(255) NOT NULL, " +
            "vm_path varchar(500) NOT NULL, vcenter_host varchar(255) NOT NULL, datacenter varchar(255) NOT NULL, current_status varchar(32) NOT NULL DEFAULT 'discovered', " +
            "vmware_credential_id int(11) DEFAULT NULL, PRIMARY KEY (context_id), UNIQUE KEY unique_vm_per_vcenter (vmware_vm_id, vcenter_host)) " +
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;" +
            "CREATE TABLE vm_disks (id bigint(20) NOT NULL AUTO_INCREMENT, vm_context_id varchar(64) DEFAULT NULL, job_id varchar(191) NOT NULL, disk_id longtext NOT NULL, " +
            "PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;" +
            "INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter) VALUES ('ctx-old-1', 'old', 'u', '/DC/vm/old', 'vc', 'DC');" +
            "INSERT INTO vm_disks (vm_context_id, job_id, disk_id) VALUES ('ctx-old-1', 'j', 'disk-2000');");
        string before = await DescribeAsync(legacy, "columns");

        HubConnection hub = await TestVMs.ConnectAsync(legacy);
        HubSchemaReport report;
        try
        {
            report = await HubSchemaEngine.CreateTablesAsync(hub, HubSchemaEngine.TableNames.ToList(), CancellationToken.None);
        }
        finally
        {
            hub.Session.Dispose();
        }

        Assert.False(report.IsReady);
        Assert.Equal(7, report.CreatedTables.Length);
        Assert.Equal(new[] { "vm_replication_contexts", "vm_disks" }, report.ExistingTables);
        Assert.Contains(report.Problems, p => p.Contains("credential_id", StringComparison.Ordinal) && p.Contains("CHANGE vmware_credential_id credential_id", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("vm_disks.job_id does not allow NULL", StringComparison.Ordinal) && p.Contains("20251006200000", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains("unique_vm_name_per_vcenter", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("vm_replication_contexts.ossea_config_id is missing", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("vm_disks.vm_dk_path is missing", StringComparison.Ordinal));

        // Nothing of the existing tables changed: same columns, same rows.
        Assert.Equal(before.Split('\n').Where(l => l.StartsWith("vm_", StringComparison.Ordinal)), (await DescribeAsync(legacy, "columns")).Split('\n').Where(l => l.StartsWith("vm_", StringComparison.Ordinal) && !l.StartsWith("vm_group", StringComparison.Ordinal) && !l.StartsWith("vm_machine", StringComparison.Ordinal)));
        Assert.Equal(1L, await HubRows.CountAsync(legacy, "SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id = 'ctx-old-1'"));
        Assert.Equal(1L, await HubRows.CountAsync(legacy, "SELECT COUNT(*) FROM vm_disks WHERE job_id = 'j'"));
    }

    private static readonly Dictionary<string, string> SchemaQueries = new Dictionary<string, string>
    {
        ["tables"] = "SELECT table_name, engine, table_collation, table_comment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ({0}) ORDER BY table_name",
        ["columns"] = "SELECT table_name, column_name, ordinal_position, column_default, is_nullable, column_type, character_set_name, collation_name, extra, column_comment " +
            "FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name IN ({0}) ORDER BY table_name, ordinal_position",
        ["indexes"] = "SELECT table_name, index_name, seq_in_index, column_name, non_unique, index_type, sub_part FROM information_schema.statistics " +
            "WHERE table_schema = DATABASE() AND table_name IN ({0}) ORDER BY table_name, index_name, seq_in_index",
        ["foreign keys"] = "SELECT r.table_name, r.constraint_name, r.referenced_table_name, r.update_rule, r.delete_rule, k.column_name, k.referenced_column_name " +
            "FROM information_schema.referential_constraints r JOIN information_schema.key_column_usage k ON k.constraint_schema = r.constraint_schema " +
            "AND k.constraint_name = r.constraint_name AND k.table_name = r.table_name WHERE r.constraint_schema = DATABASE() AND r.table_name IN ({0}) ORDER BY r.table_name, r.constraint_name, k.ordinal_position",
        ["checks"] = "SELECT table_name, constraint_name, check_clause FROM information_schema.check_constraints WHERE constraint_schema = DATABASE() AND table_name IN ({0}) ORDER BY table_name, constraint_name",
    };

    private static async Task<string> DescribeAsync(HubDatabase database, string aspect)
    {
        string tables = string.Join(", ", HubSchemaEngine.TableNames.Select(t => "'" + t + "'"));
        var rows = await HubRows.QueryAsync(database, string.Format(CultureInfo.InvariantCulture, SchemaQueries[aspect], tables));
        return string.Join("\n", rows.Select(r => string.Join("|", r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));
    }
}
