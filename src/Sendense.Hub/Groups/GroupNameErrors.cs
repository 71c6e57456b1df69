using Dapper;
using MySqlConnector;

namespace Sendense.Hub.Groups;

/// <summary>The "name taken" error, worded the same wherever a name collides, naming the group that holds it.</summary>
internal static class GroupNameErrors
{
    internal static SendenseException NameTaken(string name, IdNameRow existing) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupNameTaken,
            $"The hub already has a protection group named '{existing.Name}' (id {existing.Id}), and group names are unique " +
            $"ignoring case and trailing spaces, so '{name}' cannot be used. Choose another name, or add VMs to that group " +
            $"with Add-SendenseProtectionGroupMember -Group '{existing.Name}'.");

    internal static async Task<SendenseException> NameTakenAfterRaceAsync(MySqlConnection connection, string name, MySqlException exception,
        CancellationToken cancellationToken)
    {
        IdNameRow? existing = (await connection.QueryAsync<IdNameRow>(new CommandDefinition(GroupSql.SelectGroupByName,
            new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false)).FirstOrDefault();
        return existing is null
            ? new SendenseException(SendenseErrorCode.ProtectionGroupNameTaken,
                $"Another session created a protection group named '{name}' at the same time. Nothing was written; choose another name.", exception)
            : NameTaken(name, existing);
    }
}
