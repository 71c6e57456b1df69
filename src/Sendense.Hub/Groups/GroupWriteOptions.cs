using MySqlConnector;

namespace Sendense.Hub.Groups;

/// <summary>
/// Knobs of the membership writer. The defaults are what the cmdlets use; tests shrink the chunks and hook in
/// between them to break a batch half way (kill the connection, delete a VM) and prove nothing is left behind.
/// </summary>
internal sealed class GroupWriteOptions
{
    internal static GroupWriteOptions Default { get; } = new GroupWriteOptions();

    /// <summary>Rows per multi-row INSERT: 1,000 rows are about 100 KB of SQL, far below max_allowed_packet.</summary>
    internal int ChunkSize { get; init; } = 1000;

    /// <summary>Called after each membership chunk with the connection and the number of rows written so far.</summary>
    internal Func<MySqlConnection, int, Task>? AfterChunk { get; init; }

    /// <summary>Null: decide from the server version (INSERT ... RETURNING needs MariaDB 10.5).</summary>
    internal bool? UseReturning { get; init; }
}
