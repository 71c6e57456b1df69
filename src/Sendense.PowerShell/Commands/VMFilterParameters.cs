using System;
using System.Collections.Generic;
using System.Linq;
using Sendense.Core.Errors;
using Sendense.Core.Management;

namespace Sendense.PowerShell.Commands;

/// <summary>Shared by Get-SendenseVM and Get-SendenseUngroupedVM: "not found" errors for literal names and ids.</summary>
internal static class VMFilterParameters
{
    /// <summary>
    /// For every -Name without wildcards and every -ContextId that no returned VM matches, an ObjectNotFound error,
    /// as Get-VM does; wildcard patterns that match nothing stay silent.
    /// </summary>
    internal static IEnumerable<(string Value, SendenseException Error)> NotFound(VMFilter filter, IReadOnlyList<VM> found, string hub)
    {
        foreach (string name in filter.Names.Where(n => SqlWildcard.Translate(n).Kind == SqlMatchKind.Equals))
        {
            string literal = SqlWildcard.Translate(name).Value;
            if (!found.Any(vm => SameText(vm.Name, literal)))
            {
                yield return (name, new SendenseException(SendenseErrorCode.VMNotFound,
                    $"No managed VM named '{HubText.ForMessage(literal)}' matches the given filters on hub {hub}. Get-SendenseVM lists what the hub manages; Add-SendenseVM adds VMs."));
            }
        }

        foreach (string id in filter.ContextIds)
        {
            if (!found.Any(vm => SameText(vm.ContextId, id)))
            {
                yield return (id, new SendenseException(SendenseErrorCode.VMNotFound,
                    $"No managed VM has context id '{HubText.ForMessage(id)}' (with the given filters) on hub {hub}."));
            }
        }
    }

    // Close to the hub's collation: case-insensitive, trailing spaces ignored.
    private static bool SameText(string a, string b) => string.Equals(a.TrimEnd(' '), b.TrimEnd(' '), StringComparison.OrdinalIgnoreCase);
}
