namespace Sendense.Core.Flows;

/// <summary>Adds up the managed VMs' protection per vCenter and datacenter, with the one status rule. Pure.</summary>
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

            summary.Managed++;
            summary.Grouped += vm.Grouped ? 1 : 0;
            switch (ProtectionStatusRule.Of(vm.Paths))
            {
                case ProtectionStatus.Protected:
                    summary.Protected++;
                    if (vm.LastBackup is null)
                    {
                        summary.ProtectedNeverBackedUp++;
                    }
                    else if (summary.OldestLastBackup is null || vm.LastBackup < summary.OldestLastBackup)
                    {
                        summary.OldestLastBackup = vm.LastBackup;
                    }

                    break;
                case ProtectionStatus.Partial:
                    summary.Partial++;
                    break;
                default:
                    summary.Unprotected++;
                    break;
            }
        }

        return summaries.Values.OrderBy(s => s.VCenter, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Datacenter, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
