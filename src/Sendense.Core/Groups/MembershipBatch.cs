namespace Sendense.Core.Groups;

/// <summary>One group of a membership command, with the distinct VMs to add to it or remove from it, in input order.</summary>
/// <param name="Group">The group.</param>
/// <param name="VMs">Each VM once, in the order first given.</param>
internal sealed record GroupVMs(ProtectionGroup Group, IReadOnlyList<ManagedVMKey> VMs)
{
    /// <summary>The pairs to write.</summary>
    internal IEnumerable<GroupVMPair> Pairs => VMs.Select(vm => new GroupVMPair(Group, vm));

    /// <summary>The names for a ShouldProcess line: the first few, then how many more.</summary>
    internal string Names => Plural.List(VMs.Select(vm => vm.Name));
}

/// <summary>
/// Turns the (group, VM) requests of Add- and Remove-SendenseProtectionGroupMember into one batch per group, in the
/// order the groups were first named; requests whose group or VM was not found are left out (they were reported).
/// </summary>
internal static class MembershipBatch
{
    internal static IReadOnlyList<GroupVMs> ByGroup(IReadOnlyList<MembershipRequest> requests,
        IReadOnlyDictionary<ProtectionGroupIdentity, ProtectionGroup> groups, VMResolution resolution)
    {
        var vmOf = new Dictionary<VMReference, ManagedVMKey>();
        foreach ((VMReference reference, ManagedVMKey vm) in resolution.Matches)
        {
            vmOf[reference] = vm;
        }

        var order = new List<string>();
        var byGroup = new Dictionary<string, (ProtectionGroup Group, List<ManagedVMKey> VMs, HashSet<string> Seen)>(HubKeyComparer.Instance);
        foreach (MembershipRequest request in requests)
        {
            if (!groups.TryGetValue(request.Group, out ProtectionGroup? group) || !vmOf.TryGetValue(request.VM, out ManagedVMKey? vm))
            {
                continue;
            }

            if (!byGroup.TryGetValue(group.Id, out var entry))
            {
                entry = (group, new List<ManagedVMKey>(), new HashSet<string>(HubKeyComparer.Instance));
                byGroup[group.Id] = entry;
                order.Add(group.Id);
            }

            if (entry.Seen.Add(vm.ContextId))
            {
                entry.VMs.Add(vm);
            }
        }

        return order.Select(id => new GroupVMs(byGroup[id].Group, byGroup[id].VMs)).ToList();
    }

    /// <summary>Asks once for all groups ("Add 3 VMs to protection group (a, b, c)"); the pairs of the groups confirmed.</summary>
    internal static async Task<List<GroupVMPair>> ConfirmAsync(IReadOnlyList<GroupVMs> batches, string action, IOperationObserver observer,
        CancellationToken cancellationToken)
    {
        if (batches.Count == 0)
        {
            return new List<GroupVMPair>();
        }

        IReadOnlyList<bool> answers = await observer.ConfirmAsync(batches.Select(batch => new ChangeRequest(batch.Group.Name,
            string.Format(CultureInfo.InvariantCulture, action, Plural.Of(batch.VMs.Count, "VM"), batch.Names))).ToList(), cancellationToken).ConfigureAwait(false);
        return batches.Where((batch, i) => answers[i]).SelectMany(batch => batch.Pairs).ToList();
    }

    /// <summary>The pairs that were asked for but are not among <paramref name="removed"/>: VMs that were not members.</summary>
    internal static IReadOnlyList<GroupVMPair> NotMembers(IEnumerable<GroupVMPair> pairs, IReadOnlyList<ProtectionGroupMember> removed)
    {
        var gone = new HashSet<string>(removed.Select(member => Key(member.GroupId, member.ContextId)), HubKeyComparer.Instance);
        return pairs.Where(pair => !gone.Contains(Key(pair.Group.Id, pair.VM.ContextId))).ToList();
    }

    // Ids hold no control character, so one joins two of them into one key without ambiguity.
    private static string Key(string groupId, string contextId) => groupId + "\u0001" + contextId;
}
