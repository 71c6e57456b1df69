namespace Sendense.Core.VMs;

/// <summary>A <see cref="VMQuery"/>'s patterns, compiled once: decides which of the rows the query narrowed to really match.</summary>
internal sealed class VMQueryMatcher
{
    private readonly Wildcard[] _names;
    private readonly Wildcard[] _vcenters;
    private readonly Wildcard[] _datacenters;
    private readonly Wildcard[] _groups;

    private VMQueryMatcher(VMQuery query)
    {
        _names = Compile(query.Names);
        _vcenters = Compile(query.VCenters);
        _datacenters = Compile(query.Datacenters);
        _groups = Compile(query.ProtectionGroups);
    }

    /// <summary>The matcher of <paramref name="query"/>, or null when it names nothing to match (every row the store read is one).</summary>
    internal static VMQueryMatcher? For(VMQuery query) =>
        query.Names.Length == 0 && query.VCenters.Length == 0 && query.Datacenters.Length == 0 && query.ProtectionGroups.Length == 0 ? null : new VMQueryMatcher(query);

    internal bool IsMatch(VM vm) =>
        Matches(_names, vm.Name) && Matches(_vcenters, vm.VCenter) && Matches(_datacenters, vm.Datacenter)
        && (_groups.Length == 0 || vm.Groups.Any(group => Matches(_groups, group)));

    /// <summary>Plain names that matched a VM whose name differs beyond letter case (café for cafe).</summary>
    internal IEnumerable<(string Given, VM VM)> EqualOnlyToTheHub(IEnumerable<VM> vms)
    {
        List<Wildcard> plain = _names.Where(n => !n.HasWildcards).ToList();
        foreach (VM vm in vms)
        {
            foreach (Wildcard name in plain.Where(n => HubCollation.EqualOnlyToTheHub(n.Literal, vm.Name)))
            {
                yield return (name.Literal!, vm);
            }
        }
    }

    private static Wildcard[] Compile(IEnumerable<string> patterns) => patterns.Select(p => new Wildcard(p)).ToArray();

    private static bool Matches(Wildcard[] patterns, string? value) => patterns.Length == 0 || patterns.Any(p => p.IsMatch(value));
}
