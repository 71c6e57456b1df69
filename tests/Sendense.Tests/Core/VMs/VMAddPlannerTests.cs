using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

/// <summary>The pure decision rules; the facts stand in for what MariaDB reports (tested against it elsewhere).</summary>
public sealed class VMAddPlannerTests : PlannerTests
{
    [Fact]
    public void Unknown_VMs_are_added_with_the_upstream_context_id_and_all_disks()
    {
        var batch = Candidates(TestVMs.Make("web01"));
        VMAddDecision decision = VMAddPlanner.Plan(batch, Facts(), credentialId: 7).Single();

        Assert.Equal(VMAddAction.Add, decision.Action);
        Assert.Equal("ctx-web01-20251006-203401", decision.ContextId);
        Assert.Equal(2, decision.NewDisks.Count);
        Assert.Equal(7, decision.CredentialId);
    }

    [Fact]
    public void A_managed_VM_with_equal_values_is_unchanged()
    {
        var (batch, facts, _) = ManagedOne(TestVMs.Make("web01"));

        VMAddDecision decision = VMAddPlanner.Plan(batch, facts, null).Single();
        Assert.Equal(VMAddAction.Unchanged, decision.Action);
        Assert.Equal("ctx-web01-1", decision.ContextId);
    }

    [Fact]
    public void A_managed_VM_is_refreshed_new_disks_added_job_owned_disks_left_alone()
    {
        var (batch, facts, row) = ManagedOne(TestVMs.Make("web01", disks: 3));
        row.PowerState = "poweredOff";
        row.CpuCount = 1;
        row.Disks.RemoveAt(2);                 // disk-2002 is new
        row.Disks[0].SizeGB = 5;               // job-less, grew: updated
        row.Disks[1].SizeGB = 5;
        row.Disks[1].JobId = "job-1";          // owned by a job: untouched

        VMAddDecision decision = VMAddPlanner.Plan(batch, facts, credentialId: 3).Single();

        Assert.Equal(VMAddAction.Refresh, decision.Action);
        Assert.Equal(new[] { "cpu_count", "power_state", "credential_id" }, decision.ChangedColumns);
        Assert.Equal("disk-2002", Assert.Single(decision.NewDisks).DiskId);
        Assert.Equal(row.Disks[0].RowId, Assert.Single(decision.UpdatedDisks).Key);
        Assert.Equal(3, decision.CredentialId);
    }

    [Fact]
    public void Upstream_rows_with_unit_number_0_and_empty_provisioning_are_corrected_on_refresh()
    {
        var (batch, facts, row) = ManagedOne(TestVMs.Make("web01"));
        foreach (ExistingDisk disk in row.Disks)
        {
            disk.UnitNumber = 0;
            disk.ProvisioningType = string.Empty;
        }

        VMAddDecision decision = VMAddPlanner.Plan(batch, facts, null).Single();
        Assert.Equal(VMAddAction.Refresh, decision.Action);
        Assert.Equal(2, decision.UpdatedDisks.Count);
        Assert.Empty(decision.ChangedColumns);
    }

    [Fact]
    public void The_same_name_with_another_uuid_on_the_vCenter_is_a_name_conflict()
    {
        var batch = Candidates(TestVMs.Make("web01"));
        VMAddFacts facts = Facts();
        facts.ByName[0] = "ctx-other";
        facts.Contexts["ctx-other"] = new ExistingContext { ContextId = "ctx-other", VMName = "web01", VMwareVMId = "other-uuid", VCenterHost = TestVMs.VCenter };

        VMAddDecision decision = VMAddPlanner.Plan(batch, facts, null).Single();
        Assert.Equal(VMAddAction.Failed, decision.Action);
        Assert.Equal(SendenseErrorCode.VMNameConflict, decision.Error!.Code);
        Assert.Contains("Remove-SendenseVM -ContextId 'ctx-other'", decision.Error.Message);
    }

    [Fact]
    public void A_known_uuid_under_a_new_name_is_a_rename_when_the_disk_files_are_the_same()
    {
        DiscoveredVM renamed = TestVMs.Make("web01-new", uuid: "u-1");
        var (batch, facts, row) = ManagedOne(renamed, byName: false);
        row.VMName = "web01-new-old";
        foreach (ExistingDisk disk in row.Disks)
        {
            disk.Path = renamed.Disks.First(d => "disk-" + d.Key == disk.DiskId).FileName;
        }

        VMAddDecision decision = VMAddPlanner.Plan(batch, facts, null).Single();
        Assert.Equal(VMAddAction.Refresh, decision.Action);
        Assert.Contains("vm_name", decision.ChangedColumns);
    }

    [Fact]
    public void A_known_uuid_under_a_new_name_without_shared_files_is_a_clone_and_refused()
    {
        var (batch, facts, row) = ManagedOne(TestVMs.Make("web01-clone", uuid: "u-1"), byName: false);
        row.VMName = "web01";
        foreach (ExistingDisk disk in row.Disks)
        {
            disk.Path = "[LocalDS_0] web01/" + disk.DiskId + ".vmdk";
        }

        VMAddDecision decision = VMAddPlanner.Plan(batch, facts, null).Single();
        Assert.Equal(SendenseErrorCode.VMDuplicateBiosUuid, decision.Error!.Code);
        Assert.Contains("clone", decision.Error.Message);
    }

    [Fact]
    public void Clones_within_the_input_the_first_wins_and_exact_repeats_share_the_outcome()
    {
        var batch = Candidates(TestVMs.Make("web01", uuid: "u-1"), TestVMs.Make("web01-clone", uuid: "u-1"), TestVMs.Make("web01", uuid: "u-1"));
        VMAddFacts facts = Facts();
        facts.SameUuid.Add(new[] { 0, 1, 2 });
        facts.SameName.Add(new[] { 0, 2 });

        IReadOnlyList<VMAddDecision> plan = VMAddPlanner.Plan(batch, facts, null);
        Assert.Equal(VMAddAction.Add, plan[0].Action);
        Assert.Equal(SendenseErrorCode.VMDuplicateBiosUuid, plan[1].Error!.Code);
        Assert.Equal(VMAddAction.SameAsEarlier, plan[2].Action);
        Assert.Equal(0, plan[2].SameAs);
    }

    [Fact]
    public void Within_the_input_the_VM_the_hub_already_knows_wins_even_when_it_comes_later()
    {
        var batch = Candidates(TestVMs.Make("web01-clone", uuid: "u-1"), TestVMs.Make("web01", uuid: "u-1"));
        VMAddFacts facts = Facts();
        facts.SameUuid.Add(new[] { 0, 1 });
        Manage(facts, batch[1], "ctx-web01-1");
        facts.ByUuid[0] = "ctx-web01-1";

        IReadOnlyList<VMAddDecision> plan = VMAddPlanner.Plan(batch, facts, null);
        Assert.Equal(SendenseErrorCode.VMDuplicateBiosUuid, plan[0].Error!.Code);
        Assert.Equal(VMAddAction.Unchanged, plan[1].Action);
    }

    [Fact]
    public void Two_VMs_with_one_name_on_one_vCenter_in_the_input_the_first_wins()
    {
        var batch = Candidates(TestVMs.Make("web01", uuid: "u-1"), TestVMs.Make("WEB01", uuid: "u-2"));
        VMAddFacts facts = Facts();
        facts.SameName.Add(new[] { 0, 1 });

        IReadOnlyList<VMAddDecision> plan = VMAddPlanner.Plan(batch, facts, null);
        Assert.Equal(VMAddAction.Add, plan[0].Action);
        Assert.Equal(SendenseErrorCode.VMNameConflict, plan[1].Error!.Code);
    }

    [Fact]
    public void Same_second_twins_and_taken_ids_get_the_identity_suffix()
    {
        // "web" on two vCenters, and "Web" whose plain id collides case-insensitively; plus a name too long for the plain form.
        var batch = Candidates(TestVMs.Make("web", vcenter: "vc1"), TestVMs.Make("web", vcenter: "vc2"), TestVMs.Make("Web", vcenter: "vc3"),
            TestVMs.Make(new string('L', 60), vcenter: "vc1"), TestVMs.Make("taken", vcenter: "vc1"));
        VMAddFacts facts = Facts();
        facts.SamePlainId.Add(new[] { 0, 1, 2 });
        facts.PlainIdTaken.Add(4);

        IReadOnlyList<VMAddDecision> plan = VMAddPlanner.Plan(batch, facts, null);
        Assert.Equal("ctx-web-20251006-203401", plan[0].ContextId);
        Assert.Matches("^ctx-web-[0-9a-f]{8}-20251006-203401$", plan[1].ContextId);
        Assert.Matches("^ctx-Web-[0-9a-f]{8}-20251006-203401$", plan[2].ContextId);
        Assert.NotEqual(plan[1].ContextId, plan[2].ContextId, StringComparer.OrdinalIgnoreCase);
        Assert.Matches("^ctx-L{35}-[0-9a-f]{8}-20251006-203401$", plan[3].ContextId);
        Assert.Matches("^ctx-taken-[0-9a-f]{8}-20251006-203401$", plan[4].ContextId);
        Assert.All(plan, d => Assert.Equal(VMAddAction.Add, d.Action));
    }

    [Fact]
    public void The_ids_the_hub_checked_are_the_ids_written()
    {
        // The reader computes each candidate's ids once and reports which are taken; the planner must use those very
        // ids (here read a second later than the facts' clock, so a recomputation would differ).
        var batch = Candidates(TestVMs.Make("web01"), TestVMs.Make("web02"));
        VMAddFacts facts = Facts();
        var read0 = new ContextIdCandidates(batch[0].Values, new DateTime(2025, 10, 6, 20, 34, 2));
        var read1 = new ContextIdCandidates(batch[1].Values, new DateTime(2025, 10, 6, 20, 34, 2));
        facts.ContextIds[0] = read0;
        facts.ContextIds[1] = read1;
        facts.PlainIdTaken.Add(1);

        IReadOnlyList<VMAddDecision> plan = VMAddPlanner.Plan(batch, facts, null);
        Assert.Equal("ctx-web01-20251006-203402", plan[0].ContextId);
        Assert.Equal(read1.Suffixed, plan[1].ContextId);
        Assert.EndsWith("-20251006-203402", plan[1].ContextId, StringComparison.Ordinal);
    }
}
