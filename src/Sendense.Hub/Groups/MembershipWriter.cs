using Dapper;
using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>Adds and removes memberships idempotently, all pairs of one command in one transaction.</summary>
internal static class MembershipWriter
{
    internal static async Task<IReadOnlyList<ProtectionGroupMember>> AddAsync(MySqlConnection connection, IReadOnlyList<GroupVMPair> pairs,
        int priority, GroupWriteOptions options, CancellationToken cancellationToken)
    {
        ProtectionGroupRules.CheckPriority(priority);
        List<(string GroupId, string ContextId)> keys = DistinctKeys(pairs);
        if (keys.Count == 0)
        {
            return Array.Empty<ProtectionGroupMember>();
        }

        string groupNames = string.Join("', '", pairs.Select(pair => pair.Group.Name).Distinct(StringComparer.Ordinal));
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await GroupDb.InTransactionAsync(connection, async transaction =>
                {
                    var parameters = new DynamicParameters();
                    IReadOnlyList<ProtectionGroupMember> existing = await GroupReader.MembersAsync(connection, transaction,
                        GroupReader.PairsWhere(parameters, keys), parameters, ProtectionGroupMemberResult.AlreadyMember, cancellationToken).ConfigureAwait(false);
                    var have = new HashSet<(string, string)>(existing.Select(member => (member.GroupId, member.ContextId)), KeyPairComparer.Instance);
                    List<(string GroupId, string ContextId)> missing = keys.Where(key => !have.Contains(key)).ToList();

                    IReadOnlyList<ProtectionGroupMember> added = Array.Empty<ProtectionGroupMember>();
                    if (missing.Count > 0)
                    {
                        await MembershipInserter.InsertAsync(connection, transaction, missing, priority, options, cancellationToken).ConfigureAwait(false);
                        var addedParameters = new DynamicParameters();
                        added = await GroupReader.MembersAsync(connection, transaction, GroupReader.PairsWhere(addedParameters, missing),
                            addedParameters, ProtectionGroupMemberResult.Added, cancellationToken).ConfigureAwait(false);
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

    internal static Task<MemberRemoval> RemoveAsync(MySqlConnection connection, IReadOnlyList<GroupVMPair> pairs, CancellationToken cancellationToken)
    {
        List<(string GroupId, string ContextId)> keys = DistinctKeys(pairs);
        if (keys.Count == 0)
        {
            return Task.FromResult(new MemberRemoval(Array.Empty<ProtectionGroupMember>(), Array.Empty<GroupVMPair>()));
        }

        return GroupDb.InTransactionAsync(connection, async transaction =>
        {
            var parameters = new DynamicParameters();
            IReadOnlyList<ProtectionGroupMember> members = await GroupReader.MembersAsync(connection, transaction,
                GroupReader.PairsWhere(parameters, keys), parameters, ProtectionGroupMemberResult.Removed, cancellationToken).ConfigureAwait(false);
            if (members.Count > 0)
            {
                // Upstream removes with group_id + vm_context_id; the ids just read name exactly those rows.
                var deleteParameters = new DynamicParameters();
                string ids = SqlList.In(deleteParameters, "m", members.Select(member => member.MembershipId).ToList());
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM vm_group_memberships WHERE id IN " + ids,
                    deleteParameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            var removedKeys = new HashSet<(string, string)>(members.Select(member => (member.GroupId, member.ContextId)), KeyPairComparer.Instance);
            var seen = new HashSet<(string, string)>(KeyPairComparer.Instance);
            List<GroupVMPair> notMembers = pairs
                .Where(pair => !removedKeys.Contains((pair.Group.Id, pair.VM.ContextId)) && seen.Add((pair.Group.Id, pair.VM.ContextId)))
                .ToList();
            return new MemberRemoval(InKeyOrder(keys, members), notMembers);
        }, cancellationToken);
    }

    private static List<(string GroupId, string ContextId)> DistinctKeys(IReadOnlyList<GroupVMPair> pairs)
    {
        var seen = new HashSet<(string, string)>(KeyPairComparer.Instance);
        return pairs.Select(pair => (pair.Group.Id, pair.VM.ContextId)).Where(key => seen.Add(key)).ToList();
    }

    private static List<ProtectionGroupMember> InKeyOrder(IReadOnlyList<(string GroupId, string ContextId)> keys,
        IEnumerable<ProtectionGroupMember> members)
    {
        var byKey = new Dictionary<(string, string), ProtectionGroupMember>(KeyPairComparer.Instance);
        foreach (ProtectionGroupMember member in members)
        {
            byKey[(member.GroupId, member.ContextId)] = member;
        }

        var ordered = new List<ProtectionGroupMember>(byKey.Count);
        foreach ((string, string) key in keys)
        {
            if (byKey.TryGetValue(key, out ProtectionGroupMember? member))
            {
                ordered.Add(member);
            }
        }

        return ordered;
    }

    private sealed class KeyPairComparer : IEqualityComparer<(string, string)>
    {
        internal static readonly KeyPairComparer Instance = new KeyPairComparer();

        public bool Equals((string, string) x, (string, string) y) =>
            VMReferenceResolver.KeyComparer.Equals(x.Item1, y.Item1) && VMReferenceResolver.KeyComparer.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            (VMReferenceResolver.KeyComparer.GetHashCode(obj.Item1) * 397) ^ VMReferenceResolver.KeyComparer.GetHashCode(obj.Item2);
    }
}
