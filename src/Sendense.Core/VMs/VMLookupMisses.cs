namespace Sendense.Core.VMs;

/// <summary>What a VM query was asked for by exact name or id and did not find: "not found" errors, as Get-VM gives them.</summary>
public static class VMLookupMisses
{
    /// <summary>
    /// For every -Name without wildcards and every -ContextId that no returned VM matches, an ObjectNotFound error,
    /// as Get-VM does; wildcard patterns that match nothing stay silent.
    /// </summary>
    public static IEnumerable<(string Value, SendenseException Error)> NotFound(VMQuery filter, IReadOnlyList<VM> found, string hub)
    {
        foreach (string name in filter.Names.Where(n => !Wildcard.ContainsWildcards(n)))
        {
            string literal = new Wildcard(name).Literal!;
            if (!found.Any(vm => HubCollation.Equal(vm.Name, literal)))
            {
                yield return (name, new SendenseException(SendenseErrorCode.VMNotFound,
                    $"No managed VM named '{HubText.ForMessage(literal)}' matches the given filters on hub {hub}. Get-SendenseVM lists what the hub manages; Add-SendenseVM adds VMs."));
            }
        }

        foreach (string id in filter.ContextIds)
        {
            if (!found.Any(vm => HubCollation.Equal(vm.ContextId, id)))
            {
                yield return (id, new SendenseException(SendenseErrorCode.VMNotFound,
                    $"No managed VM has context id '{HubText.ForMessage(id)}' (with the given filters) on hub {hub}."));
            }
        }
    }
}
