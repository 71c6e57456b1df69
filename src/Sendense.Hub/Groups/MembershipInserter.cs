using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>Writes membership rows as multi-row INSERTs, a chunk per statement, inside the caller's transaction.</summary>
internal static class MembershipInserter
{
    internal static async Task InsertAsync(MySqlConnection connection, MySqlTransaction transaction,
        IReadOnlyList<(string GroupId, string ContextId)> rows, int priority, GroupWriteOptions options, CancellationToken cancellationToken)
    {
        int written = 0;
        while (written < rows.Count)
        {
            int count = System.Math.Min(options.ChunkSize, rows.Count - written);
            using (MySqlCommand command = BuildChunk(connection, transaction, rows, written, count, priority))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            written += count;
            if (options.AfterChunk is not null)
            {
                await options.AfterChunk(connection, written).ConfigureAwait(false);
            }
        }
    }

    private static MySqlCommand BuildChunk(MySqlConnection connection, MySqlTransaction transaction,
        IReadOnlyList<(string GroupId, string ContextId)> rows, int start, int count, int priority)
    {
        var command = new MySqlCommand { Connection = connection, Transaction = transaction };
        var groupParameters = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var text = new StringBuilder(GroupSql.InsertMembershipsHead, GroupSql.InsertMembershipsHead.Length + count * 48);
        for (int i = 0; i < count; i++)
        {
            (string groupId, string contextId) = rows[start + i];
            if (!groupParameters.TryGetValue(groupId, out string? groupIndex))
            {
                groupIndex = groupParameters.Count.ToString(CultureInfo.InvariantCulture);
                groupParameters[groupId] = groupIndex;
                command.Parameters.Add(TextParameter.Of(groupId, "@g" + groupIndex));
            }

            string rowIndex = i.ToString(CultureInfo.InvariantCulture);
            if (i > 0)
            {
                text.Append(',');
            }

            text.AppendFormat(CultureInfo.InvariantCulture, GroupSql.MembershipRow, groupIndex, rowIndex);
            command.Parameters.Add(TextParameter.Of(contextId, "@c" + rowIndex));
        }

        command.Parameters.AddWithValue("@priority", priority);
        command.Parameters.Add(TextParameter.Of(ProtectionGroupRules.AddedBy, "@addedBy"));
        command.CommandText = text.ToString();
        return command;
    }
}
