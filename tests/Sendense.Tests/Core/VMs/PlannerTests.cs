using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

/// <summary>Base of the planner tests (add and refresh mode): the validated candidates and hub facts they plan.</summary>
public abstract class PlannerTests
{
    // The hub's clock: every new context id carries its stamp, 20251006-203401.
    private static readonly DateTime Now = new DateTime(2025, 10, 6, 20, 34, 1);

    protected static List<VMAddCandidate> Candidates(params DiscoveredVM[] vms) =>
        vms.Select((vm, i) => new VMAddCandidate(i, vm, VMInputValidator.Validate(vm))).ToList();

    // Facts of a hub that knows none of the candidates yet.
    protected static VMAddFacts Facts() => new VMAddFacts { DatabaseNow = Now };

    // One VM the hub already manages as ctx-web01-1, found by its uuid and (unless byName is false) by its name: the
    // batch to plan, the facts to plan it on, and the hub's row, which a test changes where the VM should differ.
    protected static (List<VMAddCandidate> Batch, VMAddFacts Facts, ExistingContext Row) ManagedOne(DiscoveredVM vm, bool byName = true)
    {
        List<VMAddCandidate> batch = Candidates(vm);
        VMAddFacts facts = Facts();
        return (batch, facts, Manage(facts, batch[0], "ctx-web01-1", byName));
    }

    // Makes the hub know the candidate exactly as it would be written.
    protected static ExistingContext Manage(VMAddFacts facts, VMAddCandidate candidate, string contextId, bool byName = true)
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
