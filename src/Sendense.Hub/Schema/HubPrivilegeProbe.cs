using MySqlConnector;

namespace Sendense.Hub.Schema;

/// <summary>
/// Which privileges the module needs that the connected user lacks, found by asking the server rather than by
/// parsing SHOW GRANTS: each probe is a statement of the kind the module runs that touches no row (WHERE 1 = 0),
/// inside a transaction that is rolled back. The server checks privileges before it looks for rows, so a probe
/// fails exactly when the real statement would, whether the privilege comes from a global, database, table or role
/// grant.
/// </summary>
internal static class HubPrivilegeProbe
{
    private const string TemporaryTable = "sd_privilege_probe";

    /// <summary>The missing privileges, one line each ("INSERT on vm_disks"), for the tables that exist.</summary>
    internal static async Task<IReadOnlyList<string>> MissingAsync(MySqlConnection connection, IEnumerable<HubTableDefinition> existing,
        CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        using MySqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await AllowedAsync(connection, transaction, $"CREATE TEMPORARY TABLE {TemporaryTable} (x INT)", cancellationToken).ConfigureAwait(false))
        {
            missing.Add("CREATE TEMPORARY TABLES on the database (Add-SendenseVM stages its batches in temporary tables)");
        }
        else
        {
            await AllowedAsync(connection, transaction, $"DROP TEMPORARY TABLE {TemporaryTable}", cancellationToken).ConfigureAwait(false);
        }

        foreach (HubTableDefinition table in existing)
        {
            foreach ((string privilege, string statement) in Probes(table))
            {
                if (!await AllowedAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false))
                {
                    missing.Add($"{privilege} on {table.Name}");
                    if (privilege == "SELECT")
                    {
                        break; // the other probes read the table too: they would fail for SELECT's sake
                    }
                }
            }
        }

        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return missing;
    }

    private static IEnumerable<(string Privilege, string Statement)> Probes(HubTableDefinition table)
    {
        string name = table.Name;
        yield return ("SELECT", $"SELECT 1 FROM {name} WHERE 1 = 0");
        if (!table.Writes)
        {
            yield break;
        }

        string column = table.RequiredColumns[0];
        // IGNORE: strict mode would refuse the column list itself (other NOT NULL columns have no default), with no row.
        yield return ("INSERT", $"INSERT IGNORE INTO {name} ({column}) SELECT {column} FROM {name} WHERE 1 = 0");
        yield return ("UPDATE", $"UPDATE {name} SET {column} = {column} WHERE 1 = 0");
        yield return ("DELETE", $"DELETE FROM {name} WHERE 1 = 0");
    }

    private static async Task<bool> AllowedAsync(MySqlConnection connection, MySqlTransaction transaction, string statement, CancellationToken cancellationToken)
    {
        using var command = new MySqlCommand(statement, connection, transaction);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MySqlException exception) when (exception.ErrorCode is MySqlErrorCode.TableAccessDenied or MySqlErrorCode.ColumnAccessDenied
                                                   or MySqlErrorCode.DatabaseAccessDenied)
        {
            return false;
        }
    }
}
