using System.Text.RegularExpressions;
using MySqlConnector;
using Sendense.Hub.Connection;

namespace Sendense.Hub.Schema;

/// <summary>
/// Initialize-SendenseDatabase: finds which of the hub tables the module uses exist, creates the absent ones with
/// upstream's exact DDL, and checks existing ones for what the module needs. It never drops, alters or writes rows:
/// a hub built by an older upstream is reported, not migrated.
/// </summary>
public static class HubSchemaEngine
{
    private static readonly Regex MariaDbVersion = new Regex(@"^(?:5\.5\.5-)?(\d+)\.(\d+)\.(\d+).*MariaDB", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The tables the module uses, in creation order.</summary>
    public static IReadOnlyList<string> TableNames { get; } = HubSchemaDefinition.Tables.Select(t => t.Name).ToArray();

    /// <summary>Reads the current state: which tables exist and what existing ones lack. Changes nothing.</summary>
    public static Task<HubSchemaReport> InspectAsync(HubConnection hub, CancellationToken cancellationToken) =>
        HubQuery.ReadAsync(hub, "reading the hub's schema", connection => InspectAsync(connection, hub, cancellationToken), cancellationToken);

    /// <summary>
    /// Creates the named tables (each must be one of <see cref="TableNames"/>) where absent, in dependency order with
    /// foreign key checks off for the duration, then returns the state afterwards.
    /// </summary>
    public static async Task<HubSchemaReport> CreateTablesAsync(HubConnection hub, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        if (tables is null)
        {
            throw new ArgumentNullException(nameof(tables));
        }

        var wanted = new HashSet<string>(tables, StringComparer.OrdinalIgnoreCase);
        string[] unknown = wanted.Where(t => !TableNames.Contains(t, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"Not a hub table the module creates: {string.Join(", ", unknown)}.", nameof(tables));
        }

        HubSession session = HubEngine.SessionOf(hub);
        try
        {
            using MySqlConnection connection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            HubSchemaReport before = await InspectAsync(connection, hub, cancellationToken).ConfigureAwait(false);
            var created = new List<string>();
            List<HubTableDefinition> toCreate = HubSchemaDefinition.Tables
                .Where(t => wanted.Contains(t.Name) && before.MissingTables.Contains(t.Name, StringComparer.OrdinalIgnoreCase))
                .ToList();
            if (toCreate.Count > 0)
            {
                await RunWithoutForeignKeyChecksAsync(connection, toCreate, created, cancellationToken).ConfigureAwait(false);
            }

            HubSchemaReport after = await InspectAsync(connection, hub, cancellationToken).ConfigureAwait(false);
            after.CreatedTables = created.ToArray();
            after.ExistingTables = after.ExistingTables.Except(created, StringComparer.OrdinalIgnoreCase).ToArray();
            return after;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not SendenseException)
        {
            // DDL commits table by table, so "nothing was written" would not be true; running it again is safe.
            throw HubErrors.FromRead(exception, "creating the hub's tables", hub.ToString());
        }
    }

    private static async Task RunWithoutForeignKeyChecksAsync(MySqlConnection connection, List<HubTableDefinition> tables, List<string> created, CancellationToken cancellationToken)
    {
        // vm_replication_contexts and replication_jobs reference each other: no order satisfies both, so the session
        // turns the checks off for the DDL only, and always turns them back on (the connection returns to the pool).
        await ExecuteAsync(connection, "SET @sd_fk_checks = @@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS = 0", cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (HubTableDefinition table in tables)
            {
                await ExecuteAsync(connection, table.ReadDdl(), cancellationToken).ConfigureAwait(false);
                created.Add(table.Name);
            }
        }
        finally
        {
            await ExecuteAsync(connection, "SET FOREIGN_KEY_CHECKS = COALESCE(@sd_fk_checks, 1)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<HubSchemaReport> InspectAsync(MySqlConnection connection, HubConnection hub, CancellationToken cancellationToken)
    {
        string version = await ScalarTextAsync(connection, "SELECT VERSION()", cancellationToken).ConfigureAwait(false);
        CheckServer(version, hub);

        var columns = new Dictionary<string, Dictionary<string, bool>>(StringComparer.OrdinalIgnoreCase);
        var uniqueKeys = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = new MySqlCommand { Connection = connection })
        {
            string names = string.Join(", ", TableNames.Select((t, i) =>
            {
                string name = "@t" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue(name, t);
                return name;
            }));
            command.CommandText =
                $"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name IN ({names});\n" +
                $"SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name IN ({names});\n" +
                $"SELECT DISTINCT table_name, index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND non_unique = 0 AND table_name IN ({names});";
            using MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string table = reader.GetString(0);
                if (!columns.TryGetValue(table, out Dictionary<string, bool>? ofTable))
                {
                    columns[table] = ofTable = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
                }

                ofTable[reader.GetString(1)] = string.Equals(reader.GetString(2), "YES", StringComparison.OrdinalIgnoreCase);
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string table = reader.GetString(0);
                if (!uniqueKeys.TryGetValue(table, out HashSet<string>? keys))
                {
                    uniqueKeys[table] = keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                keys.Add(reader.GetString(1));
            }
        }

        var problems = new List<string>();
        foreach (HubTableDefinition table in HubSchemaDefinition.Tables.Where(t => tables.Contains(t.Name)))
        {
            Dictionary<string, bool> present = columns.TryGetValue(table.Name, out Dictionary<string, bool>? c) ? c : new Dictionary<string, bool>();
            foreach (string column in table.RequiredColumns.Where(column => !present.ContainsKey(column)))
            {
                problems.Add(MissingColumn(table.Name, column, present));
            }

            foreach (string column in table.NullableColumns.Where(column => present.TryGetValue(column, out bool nullable) && !nullable))
            {
                problems.Add(NotNullable(table.Name, column));
            }

            HashSet<string> keys = uniqueKeys.TryGetValue(table.Name, out HashSet<string>? k) ? k : new HashSet<string>();
            foreach (string key in table.UniqueKeys.Where(key => !keys.Contains(key)))
            {
                problems.Add($"{table.Name}: unique key {key} is missing; without it concurrent writers can create duplicates. Restore it from the upstream schema.");
            }
        }

        IReadOnlyList<string> privileges = await HubPrivilegeProbe.MissingAsync(connection,
            HubSchemaDefinition.Tables.Where(t => tables.Contains(t.Name)), cancellationToken).ConfigureAwait(false);
        return new HubSchemaReport
        {
            Server = hub.Server,
            Database = hub.Database,
            ServerVersion = version.StartsWith("5.5.5-", StringComparison.Ordinal) ? version.Substring(6) : version,
            ExistingTables = TableNames.Where(tables.Contains).ToArray(),
            MissingTables = TableNames.Where(t => !tables.Contains(t)).ToArray(),
            Problems = problems.ToArray(),
            MissingPrivileges = privileges.ToArray(),
        };
    }

    private static string MissingColumn(string table, string column, Dictionary<string, bool> present)
    {
        if (table == "vm_replication_contexts" && column == "credential_id" && present.ContainsKey("vmware_credential_id"))
        {
            return "vm_replication_contexts.credential_id is missing; this hub still has the older vmware_credential_id column " +
                "(upstream's dump of 2025-10-04 renamed it). Rename it: ALTER TABLE vm_replication_contexts CHANGE vmware_credential_id credential_id int(11) DEFAULT NULL.";
        }

        return $"{table}.{column} is missing; the module reads or writes it. Bring the table up to the upstream schema (production-schema.sql of 2025-10-04 and later migrations).";
    }

    private static string NotNullable(string table, string column)
    {
        if (table == "vm_disks" && column == "job_id")
        {
            return "vm_disks.job_id does not allow NULL, but disks of discovered VMs have no job yet. Apply upstream migration 20251006200000 " +
                "(ALTER TABLE vm_disks MODIFY COLUMN job_id VARCHAR(191) NULL).";
        }

        return $"{table}.{column} does not allow NULL, but the module writes NULL there. Apply the upstream schema's definition of the column.";
    }

    private static void CheckServer(string version, HubConnection hub)
    {
        Match match = MariaDbVersion.Match(version);
        if (!match.Success)
        {
            throw new SendenseException(SendenseErrorCode.HubUnsupportedServer,
                $"The hub database server {hub.Server}:{hub.Port} runs '{version}', which is not MariaDB. The hub schema uses MariaDB-only syntax " +
                "(uuid() defaults, UNIQUE ... USING HASH); use MariaDB 10.4 or newer (the appliance runs 10.11).");
        }

        int major = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int minor = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (major < HubSchemaDefinition.MinimumMajor || (major == HubSchemaDefinition.MinimumMajor && minor < HubSchemaDefinition.MinimumMinor))
        {
            throw new SendenseException(SendenseErrorCode.HubUnsupportedServer,
                $"The hub database server {hub.Server}:{hub.Port} runs MariaDB {major}.{minor}; the hub schema needs 10.4 or newer " +
                "(UNIQUE ... USING HASH on vm_disks). Upgrade MariaDB (the appliance runs 10.11).");
        }
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = new MySqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> ScalarTextAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = new MySqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
