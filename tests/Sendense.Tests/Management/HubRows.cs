using MySqlConnector;
using Sendense.Tests.Rig;

namespace Sendense.Tests.Management;

/// <summary>Reads whole rows back (every column, by name) so tests can compare them with the contract.</summary>
internal static class HubRows
{
    internal static async Task<List<Dictionary<string, object?>>> QueryAsync(HubDatabase database, string sql, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<Dictionary<string, object?>>();
        using MySqlConnection connection = await database.OpenAsync();
        using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using MySqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    internal static async Task<long> CountAsync(HubDatabase database, string sql) => Convert.ToInt64(await database.ScalarAsync(sql), CultureInfo.InvariantCulture);
}
