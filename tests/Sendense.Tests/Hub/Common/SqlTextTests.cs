using MySqlConnector;

namespace Sendense.Tests.Hub.Common;

/// <summary>Literal values in Add-SendenseVM's bulk SQL survive the round trip in both of MariaDB's quoting modes.</summary>
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
        using MySqlConnection connection = await _database.OpenAsync();
        if (noBackslashEscapes)
        {
            using var mode = new MySqlCommand("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')", connection);
            await mode.ExecuteNonQueryAsync();
        }

        foreach (string value in Nasty)
        {
            using var command = new MySqlCommand { Connection = connection };
            new SqlText(command, SqlValues.Literals, noBackslashEscapes).Sql("SELECT ").Value(value).Sql(", ").Value(42L).Sql(", ").Value((string?)null).Build();
            using MySqlDataReader reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(value, reader.GetString(0));
            Assert.Equal(42L, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            Assert.True(reader.IsDBNull(2));
        }

        Assert.Equal(1L, Convert.ToInt64(await _database.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'vm_disks'"), CultureInfo.InvariantCulture));
    }
}
