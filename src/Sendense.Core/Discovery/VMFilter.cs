namespace Sendense.Core.Discovery;

/// <summary>
/// The request's filters, compiled once: name and datacenter wildcards, a folder (with its subfolders), power states
/// and templates. Remembers which plain (wildcard-free) names matched nothing, for "not found" errors.
/// </summary>
internal sealed class VMFilter
{
    private readonly Wildcard[] _names;
    private readonly Wildcard[] _datacenters;
    private readonly Wildcard? _folder;
    private readonly HashSet<string> _powerStates;
    private readonly HashSet<string> _matchedNames = new HashSet<string>(StringComparer.Ordinal);

    internal VMFilter(VMDiscoveryRequest request)
    {
        _names = request.Names.Where(n => !string.IsNullOrEmpty(n)).Select(n => new Wildcard(n, NameComparison.IgnoreCase)).ToArray();
        _datacenters = request.Datacenters.Where(n => !string.IsNullOrEmpty(n)).Select(n => new Wildcard(n, NameComparison.IgnoreCase)).ToArray();
        string folder = (request.Folder ?? string.Empty).Trim().Trim('/');
        _folder = folder.Length == 0 ? null : new Wildcard(folder, NameComparison.IgnoreCase);
        _powerStates = new HashSet<string>(request.PowerStates.Where(p => !string.IsNullOrEmpty(p)), StringComparer.OrdinalIgnoreCase);
        IncludeTemplates = request.IncludeTemplates;
    }

    internal bool IncludeTemplates { get; }

    /// <summary>True when names or places narrow the set: then a light sweep picks the VMs before the heavy read.</summary>
    internal bool Narrows => _names.Length > 0 || _datacenters.Length > 0 || _folder is not null;

    internal bool MatchesState(string? powerState, bool isTemplate) =>
        (!isTemplate || IncludeTemplates) && (_powerStates.Count == 0 || (powerState is not null && _powerStates.Contains(powerState)));

    internal bool MatchesPlace(InventoryLocation location)
    {
        if (_datacenters.Length > 0 && !_datacenters.Any(d => d.IsMatch(location.Datacenter)))
        {
            return false;
        }

        return _folder is null || FolderMatches(location);
    }

    internal bool MatchesName(string displayName, string escapedName) =>
        _names.Length == 0 || _names.Any(n => n.IsMatch(displayName) || n.IsMatch(escapedName));

    /// <summary>Records a VM that passed every filter, so plain names it answers are not reported as missing.</summary>
    internal void Found(string displayName, string escapedName)
    {
        foreach (Wildcard name in _names)
        {
            if (!name.HasWildcards && (name.IsMatch(displayName) || name.IsMatch(escapedName)))
            {
                _matchedNames.Add(name.Pattern);
            }
        }
    }

    internal IReadOnlyList<string> UnmatchedNames() =>
        _names.Where(n => !n.HasWildcards && !_matchedNames.Contains(n.Pattern)).Select(n => n.Pattern).Distinct().ToArray();

    internal IReadOnlyList<string> UnmatchedDatacenters(IEnumerable<string> datacenters)
    {
        string[] known = datacenters.ToArray();
        return _datacenters.Where(d => !d.HasWildcards && !known.Any(d.IsMatch)).Select(d => d.Pattern).Distinct().ToArray();
    }

    // The folder or any folder above it matches, as a path below the vm folder or as a full inventory path.
    private bool FolderMatches(InventoryLocation location)
    {
        if (location.Folder.Length == 0)
        {
            return false;
        }

        string[] escaped = location.EscapedFolder.Split('/');
        string displayPrefix = string.Empty;
        string escapedPrefix = string.Empty;
        string inventory = location.DatacenterPath + "/vm";
        for (int i = 0; i < escaped.Length; i++)
        {
            escapedPrefix = i == 0 ? escaped[i] : escapedPrefix + "/" + escaped[i];
            displayPrefix = i == 0 ? InventoryName.Unescape(escaped[i]) : displayPrefix + "/" + InventoryName.Unescape(escaped[i]);
            if (_folder!.IsMatch(displayPrefix) || _folder.IsMatch(escapedPrefix) || _folder.IsMatch(inventory + "/" + escapedPrefix))
            {
                return true;
            }
        }

        return false;
    }
}
