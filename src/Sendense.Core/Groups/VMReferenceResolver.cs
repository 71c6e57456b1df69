namespace Sendense.Core.Groups;

/// <summary>
/// Matches VM references to the hub's VM contexts. The store fetches every candidate row in one query
/// (<see cref="LookupKeys"/>); the matching itself is pure, so its rules are tested without a database. Ids, names and
/// vCenters compare as the hub's columns do (<see cref="HubKeyComparer"/>), so every row the query found can match.
/// </summary>
public static class VMReferenceResolver
{
    /// <summary>The context ids and names to look up for these references, each once.</summary>
    public static (IReadOnlyList<string> ContextIds, IReadOnlyList<string> Names) LookupKeys(IEnumerable<VMReference> references)
    {
        var contextIds = new List<string>();
        var names = new List<string>();
        var seenIds = new HashSet<string>(HubKeyComparer.Instance);
        var seenNames = new HashSet<string>(HubKeyComparer.Instance);
        foreach (VMReference reference in references)
        {
            string? id = reference.ContextId ?? reference.ContextIdOrName;
            if (id is not null && seenIds.Add(id))
            {
                contextIds.Add(id);
            }

            string? name = reference.Name ?? reference.ContextIdOrName;
            if (name is not null && seenNames.Add(name))
            {
                names.Add(name);
            }
        }

        return (contextIds, names);
    }

    /// <summary>Matches each reference to exactly one candidate, or reports why it cannot.</summary>
    public static VMResolution Resolve(IReadOnlyList<VMReference> references, IEnumerable<ManagedVMKey> candidates)
    {
        var byId = new Dictionary<string, ManagedVMKey>(HubKeyComparer.Instance);
        var byName = new Dictionary<string, List<ManagedVMKey>>(HubKeyComparer.Instance);
        foreach (ManagedVMKey vm in candidates)
        {
            byId[vm.ContextId] = vm;
            if (!byName.TryGetValue(vm.Name, out List<ManagedVMKey>? list))
            {
                byName[vm.Name] = list = new List<ManagedVMKey>();
            }

            if (!list.Any(existing => HubKeyComparer.Instance.Equals(existing.ContextId, vm.ContextId)))
            {
                list.Add(vm);
            }
        }

        var vms = new List<ManagedVMKey>();
        var matches = new List<(VMReference, ManagedVMKey)>();
        var problems = new List<VMReferenceProblem>();
        var taken = new HashSet<string>(HubKeyComparer.Instance);
        foreach (VMReference reference in references)
        {
            ManagedVMKey? found = null;
            VMReferenceProblem? problem = null;
            if (reference.ContextId is not null)
            {
                if (!byId.TryGetValue(reference.ContextId, out found))
                {
                    problem = NotFound(reference, $"The hub manages no VM with context id '{reference.ContextId}'.");
                }
            }
            else if (reference.ContextIdOrName is not null)
            {
                if (!byId.TryGetValue(reference.ContextIdOrName, out found))
                {
                    (found, problem) = ByName(reference, reference.ContextIdOrName, null, byName,
                        $"The hub manages no VM with the context id or name '{reference.ContextIdOrName}'.");
                }
            }
            else if (reference.Name is not null)
            {
                string where = reference.VCenter is null ? string.Empty : $" on vCenter '{reference.VCenter}'";
                (found, problem) = ByName(reference, reference.Name, reference.VCenter, byName,
                    $"The hub manages no VM named '{reference.Name}'{where}.");
            }
            else
            {
                problem = new VMReferenceProblem(reference, SendenseErrorCode.ProtectionGroupVMNotFound,
                    $"The input {reference} names no VM: give Sendense.VM objects, context ids, or objects with a ContextId or Name property.");
            }

            if (found is not null)
            {
                matches.Add((reference, found));
                if (taken.Add(found.ContextId))
                {
                    vms.Add(found);
                }
            }
            else if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return new VMResolution(vms, matches, problems);
    }

    private static (ManagedVMKey? Found, VMReferenceProblem? Problem) ByName(VMReference reference, string name, string? vCenter,
        Dictionary<string, List<ManagedVMKey>> byName, string notFoundMessage)
    {
        if (!byName.TryGetValue(name, out List<ManagedVMKey>? named))
        {
            return (null, NotFound(reference, notFoundMessage));
        }

        List<ManagedVMKey> candidates = vCenter is null
            ? named
            : named.Where(vm => HubKeyComparer.Instance.Equals(vm.VCenter, vCenter)).ToList();
        if (candidates.Count == 1)
        {
            return (candidates[0], null);
        }

        if (candidates.Count == 0)
        {
            return (null, NotFound(reference, notFoundMessage));
        }

        string vCenters = string.Join(", ", candidates.Select(vm => vm.VCenter).Distinct(HubKeyComparer.Instance));
        return (null, new VMReferenceProblem(reference, SendenseErrorCode.ProtectionGroupVMAmbiguous,
            $"The name '{name}' matches {candidates.Count} VMs the hub manages (on {vCenters}). " +
            "Pipe the VM objects (Get-SendenseVM) or give their context ids instead."));
    }

    private static VMReferenceProblem NotFound(VMReference reference, string message) =>
        new VMReferenceProblem(reference, SendenseErrorCode.ProtectionGroupVMNotFound,
            message + " Add it to hub management with Add-SendenseVM first.");
}
