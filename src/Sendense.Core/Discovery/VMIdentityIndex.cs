namespace Sendense.Core.Discovery;

/// <summary>
/// The identities a sweep looks for, indexed by kind, so that matching a VM costs a few lookups instead of a pass
/// over every identity: a refresh of 2,500 managed VMs compares 2,500 VMs with 2,500 uuids (6 million comparisons
/// per vCenter as a nested loop). Matching follows <see cref="VMIdentity.Matches(DiscoveredVM)"/> exactly.
/// </summary>
internal sealed class VMIdentityIndex
{
    private readonly Dictionary<VMIdentity, bool> _found;
    private readonly Dictionary<string, List<VMIdentity>> _moRefs = new Dictionary<string, List<VMIdentity>>(StringComparer.Ordinal);
    private readonly Dictionary<string, List<VMIdentity>> _instanceUuids = new Dictionary<string, List<VMIdentity>>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<VMIdentity>> _biosUuids = new Dictionary<string, List<VMIdentity>>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<VMIdentity>> _names = new Dictionary<string, List<VMIdentity>>(StringComparer.Ordinal);

    internal VMIdentityIndex(IEnumerable<VMIdentity> identities)
    {
        _found = identities.Distinct().ToDictionary(i => i, _ => false);
        foreach (VMIdentity identity in _found.Keys)
        {
            Dictionary<string, List<VMIdentity>> index = identity.Kind switch
            {
                VMIdentityKind.MoRef => _moRefs,
                VMIdentityKind.InstanceUuid => _instanceUuids,
                VMIdentityKind.BiosUuid => _biosUuids,
                _ => _names,
            };
            if (!index.TryGetValue(identity.Value, out List<VMIdentity>? list))
            {
                index[identity.Value] = list = new List<VMIdentity>(1);
            }

            list.Add(identity);
        }
    }

    internal int Count => _found.Count;

    /// <summary>The MoRef identities (used as they are, without a lookup read).</summary>
    internal IEnumerable<string> MoRefs => _moRefs.Keys;

    /// <summary>True when some identity needs the light read to be found (a uuid or a name).</summary>
    internal bool NeedsLookup => _instanceUuids.Count + _biosUuids.Count + _names.Count > 0;

    /// <summary>True when a uuid or name identity matches the VM with these values.</summary>
    internal bool MatchesByLookup(string instanceUuid, string biosUuid, string displayName, string inventoryName) =>
        _instanceUuids.ContainsKey(instanceUuid) || _biosUuids.ContainsKey(biosUuid) || _names.ContainsKey(displayName) || _names.ContainsKey(inventoryName);

    /// <summary>
    /// True when the uuids and names to look up are at least half of the inventory (a refresh of a vCenter whose VMs the
    /// hub nearly all manages): one full read of every VM, filtered here, is then cheaper than a light read of every VM
    /// followed by a full read of the matches.
    /// </summary>
    internal bool ReadAllInstead(int inventoryCount) =>
        NeedsLookup && 2 * (_instanceUuids.Count + _biosUuids.Count + _names.Count) >= inventoryCount;

    /// <summary>True when any identity matches the VM with these values.</summary>
    internal bool Matches(string moRef, string instanceUuid, string biosUuid, string displayName, string inventoryName) =>
        _moRefs.ContainsKey(moRef) || MatchesByLookup(instanceUuid, biosUuid, displayName, inventoryName);

    /// <summary>Marks every identity that matches a VM that came out.</summary>
    internal void Found(DiscoveredVM vm)
    {
        Mark(_moRefs, vm.MoRef);
        Mark(_instanceUuids, vm.InstanceUuid);
        Mark(_biosUuids, vm.BiosUuid);
        Mark(_names, vm.Name);
        Mark(_names, vm.InventoryName);
    }

    internal IReadOnlyList<VMIdentity> Unmatched() => _found.Where(i => !i.Value).Select(i => i.Key).ToArray();

    private void Mark(Dictionary<string, List<VMIdentity>> index, string? value)
    {
        if (value is not null && index.TryGetValue(value, out List<VMIdentity>? identities))
        {
            foreach (VMIdentity identity in identities)
            {
                _found[identity] = true;
            }
        }
    }
}
