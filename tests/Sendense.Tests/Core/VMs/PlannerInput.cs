using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

/// <summary>What the planner tests (add and refresh mode) feed VMAddPlanner: validated candidates and hub facts.</summary>
internal static class PlannerInput
{
    internal static List<VMAddCandidate> Candidates(params DiscoveredVM[] vms) =>
        vms.Select((vm, i) => new VMAddCandidate(i, vm, VMInputValidator.Validate(vm))).ToList();

    // Makes the hub know the candidate exactly as it would be written.
    internal static ExistingContext Manage(VMAddFacts facts, VMAddCandidate candidate, string contextId, bool byName = true)
    {
        HubVMValues v = candidate.Values;
        var row = new ExistingContext
        {
            ContextId = contextId, VMName = v.VMName, VMwareVMId = v.VMwareVMId, VMPath = v.VMPath, VCenterHost = v.VCenterHost,
            Datacenter = v.Datacenter, CurrentStatus = "discovered", CpuCount = v.CpuCount, MemoryMB = v.MemoryMB, OsType = v.OsType,
            PowerState = v.PowerState, VMToolsVersion = v.VMToolsVersion,
        };
        long id = 1;
        foreach (HubDiskValues d in v.Disks)
        {
            row.Disks.Add(new ExistingDisk
            {
                RowId = id++, DiskId = d.DiskId, Path = d.Path, SizeGB = d.SizeGB, Datastore = d.Datastore, UnitNumber = d.UnitNumber,
                Label = d.Label, CapacityBytes = d.CapacityBytes, ProvisioningType = d.ProvisioningType,
            });
        }

        facts.Contexts[contextId] = row;
        facts.ByUuid[candidate.Index] = contextId;
        if (byName)
        {
            facts.ByName[candidate.Index] = contextId;
        }

        return row;
    }
}
