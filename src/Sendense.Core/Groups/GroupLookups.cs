namespace Sendense.Core.Groups;

/// <summary>
/// The lookups every group use case starts with, one query each: groups by the identities the user typed, VMs by the
/// references the pipeline brought. The store selects by the hub's collation; <see cref="GroupMatcher"/> and
/// <see cref="VMReferenceResolver"/> decide with the same rule.
/// </summary>
internal static class GroupLookups
{
    /// <summary>Each identity's group; identities without a group are missing from the result.</summary>
    internal static async Task<IReadOnlyDictionary<ProtectionGroupIdentity, ProtectionGroup>> GroupsAsync(IGroupStore store,
        IReadOnlyList<ProtectionGroupIdentity> identities, IOperationObserver observer, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ProtectionGroupIdentity, ProtectionGroup>();
        if (identities.Count == 0)
        {
            return found;
        }

        IReadOnlyList<ProtectionGroup> candidates = await store.FindGroupsAsync(GroupMatcher.LookupValues(identities), cancellationToken).ConfigureAwait(false);
        var noted = new HashSet<string>(StringComparer.Ordinal);
        foreach (ProtectionGroupIdentity identity in identities)
        {
            if (GroupMatcher.Match(identity, candidates) is ProtectionGroup group)
            {
                found[identity] = group;
                if (GroupMatcher.Note("protection group", identity.Value, group.Name) is string note && noted.Add(note))
                {
                    observer.Verbose(note);
                }
            }
        }

        return found;
    }

    /// <summary>The VMs the references name (each once), and the references that name none or several.</summary>
    internal static async Task<VMResolution> VMsAsync(IGroupStore store, IReadOnlyList<VMReference> references, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
        {
            return VMResolution.Empty;
        }

        (IReadOnlyList<string> contextIds, IReadOnlyList<string> names) = VMReferenceResolver.LookupKeys(references);
        IReadOnlyList<ManagedVMKey> candidates = contextIds.Count + names.Count == 0
            ? Array.Empty<ManagedVMKey>()
            : await store.FindVMsAsync(contextIds, names, cancellationToken).ConfigureAwait(false);
        return VMReferenceResolver.Resolve(references, candidates);
    }

    /// <summary>Names starting with the literal <paramref name="prefix"/>, as the hub compares them.</summary>
    internal static async Task<IReadOnlyList<string>> CompleteAsync(string prefix, Func<SqlPattern, Task<IReadOnlyList<string>>> query)
    {
        var pattern = new Wildcard(Wildcard.Escape(prefix ?? string.Empty) + "*");
        IReadOnlyList<string> names = await query(pattern.ToSql()).ConfigureAwait(false);
        return names.Where(pattern.IsMatch).ToList();
    }
}
