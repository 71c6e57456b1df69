using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

/// <summary>The planner in refresh mode (Update-SendenseVM): vanished disks, renames, never an add.</summary>
public sealed class VMRefreshPlannerTests : PlannerTests
{
    [Fact]
    public void Rows_of_vanished_disks_are_deleted_when_no_job_owns_them_and_kept_and_reported_when_one_does()
    {
        var (batch, facts, row) = ManagedOne(TestVMs.Make("web01", disks: 1));
        row.Disks.Add(new ExistingDisk { RowId = 41, DiskId = "disk-2001", Path = "[ds] web01/web01_1.vmdk", SizeGB = 10 });
        row.Disks.Add(new ExistingDisk { RowId = 42, DiskId = "disk-2002", Path = "[ds] web01/web01_2.vmdk", SizeGB = 10, JobId = "job-7" });

        VMAddDecision refresh = VMAddPlanner.Plan(batch, facts, null, refresh: true).Single();
        VMAddDecision add = VMAddPlanner.Plan(batch, facts, null).Single();

        Assert.Equal(VMAddAction.Refresh, refresh.Action);
        Assert.Equal(new[] { 41L }, refresh.VanishedDisks);
        Assert.Equal("disk-2002", Assert.Single(refresh.KeptDisks).DiskId);
        Assert.Contains("1 vanished disk(s) removed", refresh.Describe(), StringComparison.Ordinal);
        // Add-SendenseVM keeps its old behaviour: it never deletes a disk row.
        Assert.Equal(VMAddAction.Unchanged, add.Action);
        Assert.Empty(add.VanishedDisks);
    }

    [Fact]
    public void A_renamed_VM_whose_files_moved_is_a_rename_in_refresh_mode_and_a_clone_suspect_for_add()
    {
        var (batch, facts, row) = ManagedOne(TestVMs.Make("web01-new"), byName: false);
        row.VMName = "web01";
        foreach (ExistingDisk disk in row.Disks)
        {
            disk.Path = "[ds] web01/" + disk.DiskId + ".vmdk";
        }

        Assert.Equal(SendenseErrorCode.VMDuplicateBiosUuid, VMAddPlanner.Plan(batch, facts, null).Single().Error?.Code);
        VMAddDecision refresh = VMAddPlanner.Plan(batch, facts, null, refresh: true).Single();
        Assert.Equal(VMAddAction.Refresh, refresh.Action);
        Assert.Contains("vm_name", refresh.ChangedColumns);
    }

    [Fact]
    public void A_VM_the_hub_no_longer_manages_is_never_added_back_by_a_refresh()
    {
        var batch = Candidates(TestVMs.Make("gone01"));

        VMAddDecision decision = VMAddPlanner.Plan(batch, Facts(), 3, refresh: true).Single();

        Assert.Equal(VMAddAction.Failed, decision.Action);
        Assert.Equal(SendenseErrorCode.RefreshNotManaged, decision.Error?.Code);
    }
}
