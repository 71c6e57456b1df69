using MySqlConnector;
using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub.VMs;

/// <summary>
/// The plan of Add-SendenseVM's facts queries on the real MariaDB, in the case that once made a rerun twice as slow: a
/// young hub whose table statistics were taken while it was empty, just after thousands of rows went in.
/// </summary>
public sealed class VMAddPlanShapeTests
{
    private const int Contexts = 3000;

    [Fact]
    public async Task Every_facts_join_is_driven_by_the_batch_even_while_the_statistics_say_empty()
    {
        await using HubDatabase hub = await HubDatabase.CreateAsync("sdplan");
        // Statistics of the empty tables first (what a new hub has), then the rows, as one large add writes them. The
        // background recalculation is off for this copy of the schema, so the statistics stay "empty" as long as needed.
        await hub.ExecuteAsync("ALTER TABLE vm_replication_contexts STATS_AUTO_RECALC = 0; ALTER TABLE vm_disks STATS_AUTO_RECALC = 0; " +
            "ALTER TABLE vm_group_memberships STATS_AUTO_RECALC = 0; ANALYZE TABLE vm_replication_contexts, vm_disks, vm_group_memberships");
        await hub.ExecuteAsync(
            "INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter, current_status, created_at, updated_at, last_status_change) " +
            $"SELECT CONCAT('ctx-plan-', seq), CONCAT('plan-', seq), CONCAT('uuid-', seq), CONCAT('/DC0/vm/plan-', seq), 'vc.plan', 'DC0', 'discovered', NOW(), NOW(), NOW() FROM seq_1_to_{Contexts};" +
            "INSERT INTO vm_disks (vm_context_id, disk_id, vm_dk_path, size_gb, datastore, unit_number, label, capacity_bytes, provisioning_type, created_at, updated_at) " +
            $"SELECT CONCAT('ctx-plan-', c.seq), CONCAT('disk-', 2000 + d.seq), 'p', 40, 'ds', d.seq, 'Hard disk', 1, 'thin', NOW(), NOW() FROM seq_1_to_{Contexts} c JOIN seq_0_to_1 d");
        Assert.Equal(0L, Convert.ToInt64(await hub.ScalarAsync(
            $"SELECT n_rows FROM mysql.innodb_table_stats WHERE database_name = '{hub.Name}' AND table_name = 'vm_disks'"), CultureInfo.InvariantCulture));

        // The batch's temporary table lives in one session: the EXPLAINs run on the same connection.
        await using MySqlConnection connection = await hub.OpenAsync();
        using (var fill = new MySqlCommand(VMAddSql.PlanPrologue + string.Join(",", Enumerable.Range(1, 1000).Select(i =>
            $"({i}, 'plan-{i}', 'uuid-{i}', 'vc.plan', 'ctx-plan-{i}', 'ctx-plan-{i}-x')")), connection))
        {
            await fill.ExecuteNonQueryAsync();
        }

        List<string> joins = VMAddSql.PlanQueries.Split(new[] { ";\n" }, StringSplitOptions.RemoveEmptyEntries)
            .Where(statement => statement.Contains(" JOIN ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, joins.Count);
        foreach (string join in joins)
        {
            List<(string Table, string? Key)> plan = await ExplainAsync(connection, join);
            Assert.True(plan[0].Table == "i", $"The batch (i) must drive, not {plan[0].Table}: {join}");
            Assert.All(plan.Skip(1), step => Assert.True(step.Key is not null, $"{step.Table} is read without an index: {join}"));
        }
    }

    private static async Task<List<(string Table, string? Key)>> ExplainAsync(MySqlConnection connection, string statement)
    {
        using var command = new MySqlCommand("EXPLAIN " + statement, connection);
        using MySqlDataReader reader = await command.ExecuteReaderAsync();
        var plan = new List<(string, string?)>();
        while (await reader.ReadAsync())
        {
            plan.Add((reader.GetString(reader.GetOrdinal("table")), reader.IsDBNull(reader.GetOrdinal("key")) ? null : reader.GetString(reader.GetOrdinal("key"))));
        }

        return plan;
    }
}
