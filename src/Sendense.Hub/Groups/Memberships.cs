using Dapper;
using MySqlConnector;

namespace Sendense.Hub.Groups;

/// <summary>
/// The rows of vm_group_memberships: read with the group's and the VM's names, added where missing, removed where
/// present; every write is one transaction, so a batch lands whole or not at all.
/// </summary>
internal static class Memberships
{
    /// <summary>Memberships selected by <paramref name="where"/>, ordered by group and VM name, each marked with <paramref name="result"/>.</summary>
    internal static async Task<IReadOnlyList<ProtectionGroupMember>> ReadAsync(MySqlConnection connection, MySqlTransaction? transaction,
        string where, DynamicParameters parameters, ProtectionGroupMemberResult? result, CancellationToken cancellationToken)
    {
        List<ProtectionGroupMember> members = (await connection.QueryAsync<ProtectionGroupMember>(new CommandDefinition(
            GroupSql.SelectMembers + where + GroupSql.MemberOrder, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        foreach (ProtectionGroupMember member in members)
        {
            member.Result = result;
        }

        return members;
    }

    /// <summary>Inserts the missing pairs and returns every pair's membership (Added or AlreadyMember), in the pairs' order.</summary>
    internal static async Task<IReadOnlyList<ProtectionGroupMember>> AddAsync(MySqlConnection connection, IReadOnlyList<(string GroupId, string ContextId)> keys,
        int priority, string groupNames, GroupWriteOptions options, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await HubQuery.InTransactionAsync(connection, async transaction =>
                {
                    IReadOnlyList<ProtectionGroupMember> existing = await ReadPairsAsync(connection, transaction, keys,
                        ProtectionGroupMemberResult.AlreadyMember, cancellationToken).ConfigureAwait(false);
                    var have = new HashSet<string>(existing.Select(member => Key(member.GroupId, member.ContextId)), StringComparer.OrdinalIgnoreCase);
                    List<(string GroupId, string ContextId)> missing = keys.Where(key => !have.Contains(Key(key.GroupId, key.ContextId))).ToList();
                    IReadOnlyList<ProtectionGroupMember> added = Array.Empty<ProtectionGroupMember>();
                    if (missing.Count > 0)
                    {
                        await MembershipInserter.InsertAsync(connection, transaction, missing, priority, options, cancellationToken).ConfigureAwait(false);
                        added = await ReadPairsAsync(connection, transaction, missing, ProtectionGroupMemberResult.Added, cancellationToken).ConfigureAwait(false);
                    }

                    return InKeyOrder(keys, existing.Concat(added));
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (MySqlException exception) when (attempt == 1 && GroupWriteErrors.IsDuplicateMembership(exception))
            {
                // Another session added one of these VMs between our read and our insert: read again, once.
            }
            catch (MySqlException exception) when (GroupWriteErrors.FromForeignKey(exception, groupNames) is { } meaning)
            {
                throw meaning;
            }
        }
    }

    /// <summary>Deletes the memberships of the pairs that exist; returns them (Removed), in the pairs' order.</summary>
    internal static Task<IReadOnlyList<ProtectionGroupMember>> RemoveAsync(MySqlConnection connection, IReadOnlyList<(string GroupId, string ContextId)> keys,
        CancellationToken cancellationToken) =>
        HubQuery.InTransactionAsync<IReadOnlyList<ProtectionGroupMember>>(connection, async transaction =>
        {
            IReadOnlyList<ProtectionGroupMember> members = await ReadPairsAsync(connection, transaction, keys,
                ProtectionGroupMemberResult.Removed, cancellationToken).ConfigureAwait(false);
            if (members.Count > 0)
            {
                // Upstream removes with group_id + vm_context_id; the ids just read name exactly those rows.
                var parameters = new DynamicParameters();
                string ids = SqlList.In(parameters, "m", members.Select(member => member.MembershipId).ToList());
                await connection.ExecuteAsync(new CommandDefinition(GroupSql.DeleteMembershipsHead + ids, parameters, transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            return InKeyOrder(keys, members);
        }, cancellationToken);

    private static Task<IReadOnlyList<ProtectionGroupMember>> ReadPairsAsync(MySqlConnection connection, MySqlTransaction transaction,
        IReadOnlyList<(string GroupId, string ContextId)> keys, ProtectionGroupMemberResult result, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        return ReadAsync(connection, transaction, GroupWhere.Pairs(parameters, keys), parameters, result, cancellationToken);
    }

    private static List<ProtectionGroupMember> InKeyOrder(IReadOnlyList<(string GroupId, string ContextId)> keys, IEnumerable<ProtectionGroupMember> members)
    {
        var byKey = new Dictionary<string, ProtectionGroupMember>(StringComparer.OrdinalIgnoreCase);
        foreach (ProtectionGroupMember member in members)
        {
            byKey[Key(member.GroupId, member.ContextId)] = member;
        }

        return keys.Select(key => byKey.TryGetValue(Key(key.GroupId, key.ContextId), out ProtectionGroupMember? member) ? member : null)
            .OfType<ProtectionGroupMember>().ToList();
    }

    // The ids are the hub's own (uuids, context ids read from its rows), so they come back exactly as they were given.
    private static string Key(string groupId, string contextId) => groupId + "\u0001" + contextId;
}
