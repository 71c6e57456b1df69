namespace Sendense.Core.VMs;

/// <summary>
/// The planner's rules for one VM given twice in a batch: by (vCenter, BIOS uuid) an exact repeat shares the first's
/// outcome and anything else is a clone that kept the uuid; by (vCenter, name) the schema holds only one. The input
/// the hub already knows under both keys wins, else the first in input order.
/// </summary>
internal static class VMAddDuplicates
{
    // Several inputs with the same (vCenter, BIOS uuid): exact repeats share the owner's outcome, the others are clones.
    internal static void ResolveSameUuid(VMAddFacts facts, Dictionary<int, VMAddCandidate> byIndex, Dictionary<int, VMAddDecision> decisions)
    {
        var nameGroupOf = GroupLookup(facts.SameName);
        foreach (int[] group in facts.SameUuid)
        {
            int[] members = group.Where(byIndex.ContainsKey).ToArray();
            if (members.Length < 2)
            {
                continue;
            }

            int owner = OwnerOf(members, facts);
            int ownerNameGroup = nameGroupOf.TryGetValue(owner, out int g) ? g : -1;
            foreach (int member in members)
            {
                if (member == owner)
                {
                    continue;
                }

                VMAddCandidate candidate = byIndex[member];
                if (ownerNameGroup >= 0 && nameGroupOf.TryGetValue(member, out int memberGroup) && memberGroup == ownerNameGroup)
                {
                    decisions[member] = new VMAddDecision(candidate, VMAddAction.SameAsEarlier) { SameAs = owner };
                    continue;
                }

                VMAddCandidate first = byIndex[owner];
                decisions[member] = VMAddPlanner.Failed(candidate, SendenseErrorCode.VMDuplicateBiosUuid,
                    $"VM '{VMAddPlanner.Shown(candidate)}' on {candidate.Values.VCenterHost} has the same BIOS uuid {candidate.Values.VMwareVMId} as '{VMAddPlanner.Shown(first)}' in the same input: " +
                    "it is probably a clone that kept the uuid. The hub identifies VMs by BIOS uuid per vCenter; give the clone a new BIOS uuid (uuid.bios) and add it again.");
            }
        }
    }

    // Several inputs with the same (vCenter, name) but other uuids: the schema can hold one of them.
    internal static void ResolveSameName(VMAddFacts facts, Dictionary<int, VMAddCandidate> byIndex, Dictionary<int, VMAddDecision> decisions)
    {
        foreach (int[] group in facts.SameName)
        {
            int[] members = group.Where(i => byIndex.ContainsKey(i) && !decisions.ContainsKey(i)).ToArray();
            if (members.Length < 2)
            {
                continue;
            }

            int owner = OwnerOf(members, facts);
            foreach (int member in members.Where(m => m != owner))
            {
                VMAddCandidate candidate = byIndex[member];
                VMAddCandidate first = byIndex[owner];
                decisions[member] = VMAddPlanner.Failed(candidate, SendenseErrorCode.VMNameConflict,
                    $"VM '{VMAddPlanner.Shown(candidate)}' on {candidate.Values.VCenterHost} (BIOS uuid {candidate.Values.VMwareVMId}) has the same name as another VM in the same input " +
                    $"(BIOS uuid {first.Values.VMwareVMId}). The hub keeps one VM per name and vCenter; rename one of them in vCenter.");
            }
        }
    }

    // The member the hub already knows under both its uuid and its name; else the first in input order.
    private static int OwnerOf(int[] members, VMAddFacts facts)
    {
        foreach (int member in members)
        {
            if (MatchesSameRow(facts, member))
            {
                return member;
            }
        }

        return members[0];
    }

    private static bool MatchesSameRow(VMAddFacts facts, int index) =>
        facts.ByUuid.TryGetValue(index, out string? byUuid)
        && facts.ByName.TryGetValue(index, out string? byName)
        && string.Equals(byUuid, byName, StringComparison.Ordinal);

    internal static Dictionary<int, int> GroupLookup(List<int[]> groups)
    {
        var lookup = new Dictionary<int, int>();
        for (int g = 0; g < groups.Count; g++)
        {
            foreach (int index in groups[g])
            {
                lookup[index] = g;
            }
        }

        return lookup;
    }
}
