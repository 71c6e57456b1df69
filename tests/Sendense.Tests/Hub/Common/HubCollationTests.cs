using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Tests.Hub.Common;

/// <summary>
/// The module's in-memory rule for "the same name to the hub" against MariaDB itself: every pair is compared by the
/// server under utf8mb4_general_ci (with = and with LIKE) and by HubCollation / Wildcard, and they must agree.
/// </summary>
public sealed class HubCollationTests : IClassFixture<HubDatabaseFixture>
{
    private static readonly string[] Names =
    {
        "café", "cafe", "CAFE", "app-🚀", "app-🐧", "app-", "Straße", "strase", "STRASSE", "æ", "ae", "Ǆ", "ǆ", "ǅ", "İ", "i", "ı",
        "ﬁ", "fi", "Å", "a", "ä", "ø", "o", "Œ", "oe", "Ω", "ω", "ς", "σ", "ё", "е", "ñ", "n", "Đ", "d", "ł", "l", "þ", "th",
        "x", "x ", "x  ", " x", "web01", "WEB01", "Web01 ", "ｗｅｂ", "web", "𝐀", "A", "Ａ",
    };

    private readonly HubDatabase _database;

    public HubCollationTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task Equality_agrees_with_the_server_for_every_pair()
    {
        Dictionary<(int, int), bool> server = await CompareOnServerAsync("a.v = b.v");
        var disagreements = new List<string>();
        foreach (((int left, int right), bool equal) in server)
        {
            if (HubCollation.Equal(Names[left], Names[right]) != equal)
            {
                disagreements.Add($"'{Names[left]}' vs '{Names[right]}': server {equal}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("; ", disagreements));
    }

    [Fact]
    public async Task The_dictionary_comparer_agrees_with_the_server_for_every_pair()
    {
        // HubKeyComparer hashes and orders without building keys: equal to the server means equal hash and order 0,
        // different means an order that is not 0 and flips with the operands.
        Dictionary<(int, int), bool> server = await CompareOnServerAsync("a.v = b.v");
        HubKeyComparer comparer = HubKeyComparer.Instance;
        var disagreements = new List<string>();
        foreach (((int left, int right), bool equal) in server)
        {
            string a = Names[left];
            string b = Names[right];
            int order = comparer.Compare(a, b);
            bool agrees = equal
                ? comparer.Equals(a, b) && order == 0 && comparer.GetHashCode(a) == comparer.GetHashCode(b)
                : !comparer.Equals(a, b) && order != 0 && Math.Sign(order) == -Math.Sign(comparer.Compare(b, a));
            if (!agrees)
            {
                disagreements.Add($"'{a}' vs '{b}': server {equal}, order {order}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("; ", disagreements));
    }

    [Fact]
    public async Task A_wildcard_agrees_with_LIKE_for_every_pair()
    {
        // b.v followed by * against LIKE CONCAT(b.v, '%'): the same folding, and trailing spaces count in both.
        Dictionary<(int, int), bool> server = await CompareOnServerAsync("a.v LIKE CONCAT(b.v, '%')");
        var disagreements = new List<string>();
        foreach (((int left, int right), bool like) in server)
        {
            if (new Wildcard(Wildcard.Escape(Names[right]) + "*").IsMatch(Names[left]) != like)
            {
                disagreements.Add($"'{Names[left]}' LIKE '{Names[right]}%': server {like}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("; ", disagreements));
    }

    private async Task<Dictionary<(int, int), bool>> CompareOnServerAsync(string predicate)
    {
        string table = "coll_" + Guid.NewGuid().ToString("N")[..8];
        await using MySqlConnection connection = await _database.OpenAsync();
        await using (var create = new MySqlCommand(
            $"CREATE TABLE {table} (i INT PRIMARY KEY, v VARCHAR(50)) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        for (int i = 0; i < Names.Length; i++)
        {
            await using var insert = new MySqlCommand($"INSERT INTO {table} VALUES (@i, @v)", connection);
            insert.Parameters.AddWithValue("@i", i);
            insert.Parameters.AddWithValue("@v", Names[i]);
            await insert.ExecuteNonQueryAsync();
        }

        var result = new Dictionary<(int, int), bool>();
        await using var query = new MySqlCommand($"SELECT a.i, b.i, ({predicate}) FROM {table} a CROSS JOIN {table} b", connection);
        await using MySqlDataReader reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[(reader.GetInt32(0), reader.GetInt32(1))] = reader.GetInt64(2) != 0;
        }

        return result;
    }
}
