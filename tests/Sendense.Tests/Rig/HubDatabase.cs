using System.Text.RegularExpressions;
using MySqlConnector;

namespace Sendense.Tests.Rig;

/// <summary>
/// A fresh database on the rig's MariaDB server, loaded with the upstream hub schema
/// (tests/fixtures/sendense-hub/*.sql in name order, DEFINER clauses removed), dropped again on dispose.
/// </summary>
public sealed class HubDatabase : IAsyncDisposable
{
    private static readonly Regex Definer = new Regex("DEFINER=`[^`]*`@`[^`]*`", RegexOptions.Compiled);

    private HubDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database name.</summary>
    public string Name { get; }

    /// <summary>A connection string for this database (rig credentials, no pooling surprises).</summary>
    public string ConnectionString { get; }

    /// <summary>Server, port and user of the rig, for building HubConnectionOptions.</summary>
    public MySqlConnectionStringBuilder Builder => new MySqlConnectionStringBuilder(ConnectionString);

    /// <summary>Creates the database; <paramref name="withSchema"/> false leaves it empty.</summary>
    public static async Task<HubDatabase> CreateAsync(string prefix = "sdx", bool withSchema = true)
    {
        string name = $"{prefix}_{Guid.NewGuid():N}".Substring(0, Math.Min(prefix.Length + 1 + 16, 60));
        var server = new MySqlConnectionStringBuilder(RigEnvironment.MySqlConnectionString)
        {
            AllowUserVariables = true,
            Database = string.Empty,
        };

        await using (var connection = new MySqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await Execute(connection, $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        }

        var builder = new MySqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        var database = new HubDatabase(name, builder.ConnectionString);
        if (withSchema)
        {
            await database.LoadUpstreamSchemaAsync();
        }

        return database;
    }

    /// <summary>Applies every upstream schema file, in name order.</summary>
    public async Task LoadUpstreamSchemaAsync()
    {
        await using var connection = await OpenAsync();
        foreach (string file in Directory.GetFiles(RigEnvironment.FixtureDirectory, "*.sql").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal))
        {
            string script = Definer.Replace(await File.ReadAllTextAsync(file), string.Empty);
            await Execute(connection, script);
        }
    }

    /// <summary>What Connect-SendenseHub would be given for this database (no TLS on the loopback rig).</summary>
    public Sendense.Core.Hub.HubConnectionOptions Options() => new Sendense.Core.Hub.HubConnectionOptions
    {
        Server = Builder.Server,
        Port = (int)Builder.Port,
        Database = Name,
        UserName = Builder.UserID,
        Password = new System.Net.NetworkCredential(string.Empty, Builder.Password).SecurePassword,
        TlsMode = Sendense.Core.Hub.HubTlsMode.None,
    };

    /// <summary>Opens a connection to this database.</summary>
    public async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a statement and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        object? value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs statements.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await Execute(connection, sql);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        var server = new MySqlConnectionStringBuilder(ConnectionString) { Database = string.Empty };
        await using var connection = new MySqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"DROP DATABASE IF EXISTS `{Name}`");
    }

    private static async Task Execute(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }
}
