namespace Sendense.Core.Flows;

/// <summary>Gives listed VMs their ProtectionStatus from the paths the store read, and keeps those the -ProtectionStatus filter wants.</summary>
internal static class VMProtection
{
    internal static List<VM> Decide(IEnumerable<VM> vms, IReadOnlyCollection<ProtectionStatus> wanted)
    {
        var kept = new List<VM>();
        foreach (VM vm in vms)
        {
            vm.ProtectionStatus = ProtectionStatusRule.Of(vm.ProtectionPaths ?? Array.Empty<ProtectionPath>());
            vm.ProtectionPaths = null;
            if (wanted.Count == 0 || wanted.Contains(vm.ProtectionStatus.Value))
            {
                kept.Add(vm);
            }
        }

        return kept;
    }
}
