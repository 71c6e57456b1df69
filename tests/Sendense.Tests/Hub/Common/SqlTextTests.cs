using MySqlConnector;
using Sendense.Core.VMs;
using Sendense.Hub.Connection;
using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub.Common;

/// <summary>
/// Values survive the round trip whatever the server's quoting mode. The driver escapes parameters with backslashes
/// even when the server runs NO_BACKSLASH_ESCAPES, so a session of such a server clears that flag on every connection;
/// this changes the server's global mode, so it runs alone.
/// </summary>
[Collection(ServerSettingsCollection.Name)]
public sealed class SqlTextTests : IClassFixture<HubDatabaseFixture>
{
    private static readonly string[] Nasty =
    {
        "plain", "O'Brien", "back\\slash", "trailing\\", "\\'", "''", "quote\"double", "50%_off", "nul\0byte", "line\nbreak\r\ttab",
        "\x1a ctrl-z", "Ünïcødé 服务器 🚀", "@p0 ?", "'; DROP TABLE vm_disks; -- ", string.Empty,
    };

    private readonly HubDatabase _database;

    public SqlTextTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_string_comes_back_unchanged(bool noBackslashEscapes)
    {
        string? before = (string?)await _database.ScalarAsync("SELECT @@GLOBAL.sql_mode");
        if (noBackslashEscapes)
        {
            await _database.ExecuteAsync("SET GLOBAL sql_mode = CONCAT(@@GLOBAL.sql_mode, ',NO_BACKSLASH_ESCAPES')");
        }

        HubConnection hub = await HubEngine.ConnectAsync(_database.Options(), CancellationToken.None);
        try
        {
            HubSession session = HubEngine.SessionOf(hub);
            foreach (string value in Nasty)
            {
                using MySqlConnection connection = await session.OpenConnectionAsync(CancellationToken.None);
                using var command = new MySqlCommand { Connection = connection };
                new SqlText(command).Sql("SELECT ").Value(value).Sql(", ").Value(42L).Sql(", ").Value((string?)null).Build();
                using MySqlDataReader reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(value, reader.GetString(0));
                Assert.Equal(42L, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
                Assert.True(reader.IsDBNull(2));
            }

            // And through the whole add: a name with a backslash and a quote is stored as vCenter has it.
            DiscoveredVM vm = TestVMs.Make(noBackslashEscapes ? "nbe\\vm 'x'" : "bs\\vm 'x'", vcenter: "sqltext.vc");
            var observer = new RecordingObserver<VM>();
            await new VMService(new VMStore(hub)).AddAsync(new VMAddRequest { VMs = new[] { vm } }, observer, CancellationToken.None);
            Assert.Empty(observer.Errors);
            Assert.Equal(1L, Convert.ToInt64(await _database.ScalarAsync(
                $"SELECT COUNT(*) FROM vm_replication_contexts WHERE vm_name = CONCAT('{(noBackslashEscapes ? "nbe" : "bs")}', CHAR(92), 'vm ', CHAR(39), 'x', CHAR(39))"), CultureInfo.InvariantCulture));
        }
        finally
        {
            hub.Session.Dispose();
            await _database.ExecuteAsync($"SET GLOBAL sql_mode = '{before}'");
        }
    }
}

/// <summary>Tests that change the server's global settings: they run alone, not beside other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerSettingsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Server settings";
}
