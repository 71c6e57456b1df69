namespace Sendense.Core.Discovery;

/// <summary>How a discovered VM is found among the VMs the hub manages.</summary>
public static class ManagedVMs
{
    /// <summary>
    /// The context id of a discovered VM, by the key the hub writes: the BIOS uuid, or the MoRef for a VM without one
    /// (upstream stores the MoRef when config is unreadable).
    /// </summary>
    public static string? ContextOf(IReadOnlyDictionary<string, string> managed, DiscoveredVM vm)
    {
        if (managed is null || vm is null)
        {
            return null;
        }

        if (vm.BiosUuid.Length > 0 && managed.TryGetValue(vm.BiosUuid, out string? byUuid))
        {
            return byUuid;
        }

        return vm.MoRef.Length > 0 && managed.TryGetValue(vm.MoRef, out string? byMoRef) ? byMoRef : null;
    }
}
