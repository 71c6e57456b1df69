namespace Sendense.Core.Flows;

/// <summary>Adds up the managed VMs' protection per vCenter and datacenter, with the one status rule (over each distinct set of paths). Pure.</summary>
internal static class ProtectionSummaryBuilder
{
    internal static IReadOnlyList<ProtectionSummary> Build(IEnumerable<VMProtectionFacts> vms, Func<string, string, bool> wanted)
    {
        var summaries = new Dictionary<(string, string), ProtectionSummary>();
        foreach (VMProtectionFacts vm in vms)
        {
            if (!wanted(vm.VCenter, vm.Datacenter))
            {
                continue;
            }

            (string, string) key = (HubCollation.Fold(vm.VCenter.TrimEnd(' ')), HubCollation.Fold(vm.Datacenter.TrimEnd(' ')));
            if (!summaries.TryGetValue(key, out ProtectionSummary? summary))
            {
                summaries[key] = summary = new ProtectionSummary { VCenter = vm.VCenter, Datacenter = vm.Datacenter };
            }

            summary.Managed += vm.Count;
            summary.Grouped += vm.Grouped ? vm.Count : 0;
            switch (ProtectionStatusRule.Of(vm.Paths))
            {
                case ProtectionStatus.Protected:
                    summary.Protected += vm.Count;
                    summary.ProtectedNeverBackedUp += vm.WithoutBackup;
                    if (vm.OldestLastBackup is DateTime oldest && (summary.OldestLastBackup is null || oldest < summary.OldestLastBackup))
                    {
                        summary.OldestLastBackup = oldest;
                    }

                    break;
                case ProtectionStatus.Partial:
                    summary.Partial += vm.Count;
                    break;
                default:
                    summary.Unprotected += vm.Count;
                    break;
            }
        }

        return summaries.Values.OrderBy(s => s.VCenter, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Datacenter, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
