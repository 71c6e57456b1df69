using System.Runtime.CompilerServices;

namespace Sendense.Core.Flows;

/// <summary>Gives listed VMs their ProtectionStatus from the paths the store read, and keeps those the -ProtectionStatus filter wants.</summary>
internal static class VMProtection
{
    internal static List<VM> Decide(List<VM> vms, IReadOnlyCollection<ProtectionStatus> wanted)
    {
        if (wanted.Count == 0)
        {
            // Every VM stays: the statuses are set in place, without a second list of 10,000 (about 0.25 MB a listing).
            foreach (VM vm in vms)
            {
                Decide(vm, wanted);
            }

            return vms;
        }

        var kept = new List<VM>();
        foreach (VM vm in vms)
        {
            if (Decide(vm, wanted))
            {
                kept.Add(vm);
            }
        }

        return kept;
    }

    // Not inlined into the loop: a loop over 10,000 VMs is recompiled while it runs (on-stack replacement), and the
    // smaller the loop's method, the less that costs a process's first listing (Hub's VMRowFolder says how much).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Decide(VM vm, IReadOnlyCollection<ProtectionStatus> wanted)
    {
        vm.ProtectionStatus = ProtectionStatusRule.Of(vm.ProtectionPaths ?? Array.Empty<ProtectionPath>());
        vm.ProtectionPaths = null;
        return wanted.Count == 0 || wanted.Contains(vm.ProtectionStatus.Value);
    }
}
