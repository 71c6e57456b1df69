using Sendense.Core.Flows;
using Sendense.Core.Groups;

namespace Sendense.Tests.Core.Flows;

/// <summary>The flow use cases over a fake store: what is checked before anything is written, and what is written.</summary>
public sealed class FlowServiceTests
{
    private readonly FakeFlowStore _store = new FakeFlowStore();

    private FlowService Service => new FlowService(_store);

    [Fact]
    public async Task Every_piped_VM_gets_its_own_flow_in_one_write()
    {
        ManagedVMKey a = _store.AddVM("web01");
        ManagedVMKey b = _store.AddVM("web02");
        var observer = new RecordingObserver<ProtectionFlow>();
        await Service.CreateAsync(Definition(a, b), observer, CancellationToken.None);

        Assert.Equal(new[] { "create 2" }, _store.Writes);
        Assert.Equal(new[] { "web01 backup", "web02 backup" }, observer.Values.Select(f => f.Name));
        Assert.All(observer.Values, f => Assert.Equal("repo-1", f.RepositoryId));
        Assert.Equal(new[] { a.ContextId, b.ContextId }, observer.Values.Select(f => f.TargetId));
        Assert.Equal(2, observer.Questions.Count);
    }

    [Theory]
    [InlineData("Missing", SendenseErrorCode.ProtectionFlowRepositoryNotFound)]
    [InlineData("Off", SendenseErrorCode.ProtectionFlowRepositoryDisabled)]
    public async Task A_missing_or_disabled_repository_is_refused_and_nothing_is_written(string repository, SendenseErrorCode code)
    {
        FlowDefinition definition = Definition(_store.AddVM("web01"));
        definition.Repository = repository;
        var error = await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(definition, new RecordingObserver<ProtectionFlow>(), CancellationToken.None));
        Assert.Equal(code, error.Code);
        Assert.Contains(repository, error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Writes);
    }

    [Fact]
    public async Task An_unknown_VM_group_policy_or_schedule_stops_the_batch()
    {
        ManagedVMKey a = _store.AddVM("web01");
        FlowDefinition missingVM = Definition(a);
        missingVM.Targets = new[] { FlowTargetReference.ForVM(VMReference.FromContextId(a.ContextId)), FlowTargetReference.ForVM(VMReference.FromText("ghost")) };
        var error = await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(missingVM, new RecordingObserver<ProtectionFlow>(), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionFlowTargetNotFound, error.Code);
        Assert.Equal("ghost", error.Target);

        FlowDefinition missingGroup = Definition();
        missingGroup.Targets = new[] { FlowTargetReference.ForGroup("No such group", "No such group") };
        Assert.Equal(SendenseErrorCode.ProtectionFlowTargetNotFound,
            (await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(missingGroup, new RecordingObserver<ProtectionFlow>(), CancellationToken.None))).Code);

        FlowDefinition missingPolicy = Definition(a);
        missingPolicy.Policy = "weekly";
        Assert.Equal(SendenseErrorCode.ProtectionFlowPolicyNotFound,
            (await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(missingPolicy, new RecordingObserver<ProtectionFlow>(), CancellationToken.None))).Code);

        FlowDefinition missingSchedule = Definition(a);
        missingSchedule.Schedule = "nightly";
        Assert.Equal(SendenseErrorCode.ProtectionFlowScheduleNotFound,
            (await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(missingSchedule, new RecordingObserver<ProtectionFlow>(), CancellationToken.None))).Code);
        Assert.Empty(_store.Writes);
    }

    [Fact]
    public async Task Names_are_unique_ignoring_case_and_trailing_spaces_within_the_batch_and_in_the_hub()
    {
        ManagedVMKey a = _store.AddVM("web01");
        ManagedVMKey b = _store.AddVM("WEB01", "vc02");
        var repeated = await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(Definition(a, b), new RecordingObserver<ProtectionFlow>(), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionFlowNameTaken, repeated.Code);

        await Service.CreateAsync(Definition(a), new RecordingObserver<ProtectionFlow>(), CancellationToken.None);
        FlowDefinition again = Definition(b);
        again.Name = "WEB01 BACKUP   ";
        var taken = await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(again, new RecordingObserver<ProtectionFlow>(), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionFlowNameTaken, taken.Code);
        Assert.Contains("web01 backup", taken.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "create 1" }, _store.Writes);
    }

    [Fact]
    public async Task Several_targets_need_a_name_template()
    {
        FlowDefinition definition = Definition(_store.AddVM("a1"), _store.AddVM("a2"));
        definition.Name = "Nightly";
        Assert.Equal(SendenseErrorCode.ProtectionFlowNameInvalid,
            (await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(definition, new RecordingObserver<ProtectionFlow>(), CancellationToken.None))).Code);

        definition.Name = "{Name} on {VCenter} to {Repository}";
        var observer = new RecordingObserver<ProtectionFlow>();
        await Service.CreateAsync(definition, observer, CancellationToken.None);
        Assert.Equal(new[] { "a1 on vc01 to Local", "a2 on vc01 to Local" }, observer.Values.Select(f => f.Name));
    }

    [Fact]
    public async Task WhatIf_writes_nothing_and_a_group_without_enabled_members_is_a_warning()
    {
        _store.Groups.Add(new FlowGroupKey("g-1", "Web", 3, 0));
        FlowDefinition definition = Definition();
        definition.Targets = new[] { FlowTargetReference.ForGroup("web", "web") };
        var observer = new RecordingObserver<ProtectionFlow> { Answer = _ => false };
        await Service.CreateAsync(definition, observer, CancellationToken.None);
        Assert.Empty(_store.Writes);
        Assert.Contains(observer.Warnings, w => w.Contains("none enabled", StringComparison.Ordinal));
        Assert.Single(observer.Questions);
    }

    [Fact]
    public async Task Targets_given_but_none_arriving_is_an_error()
    {
        FlowDefinition definition = Definition();
        definition.TargetsGiven = true;
        Assert.Equal(SendenseErrorCode.ProtectionFlowNoTargets,
            (await Assert.ThrowsAsync<SendenseException>(() => Service.CreateAsync(definition, new RecordingObserver<ProtectionFlow>(), CancellationToken.None))).Code);
    }

    [Fact]
    public async Task Remove_refuses_a_running_flow_unless_forced()
    {
        await Service.CreateAsync(Definition(_store.AddVM("db01")), new RecordingObserver<ProtectionFlow>(), CancellationToken.None);
        ProtectionFlow flow = _store.Flows.Single();
        _store.Running[flow.Id] = 1;
        var observer = new RecordingObserver<ProtectionFlow>();
        await Service.RemoveAsync(FlowIdentity.Of(flow), force: false, observer, CancellationToken.None);
        Assert.Equal(SendenseErrorCode.ProtectionFlowExecutionRunning, observer.Errors.Single().Error.Code);
        Assert.Single(_store.Flows);

        await Service.RemoveAsync(FlowIdentity.Of("DB01 BACKUP"), force: true, new RecordingObserver<ProtectionFlow>(), CancellationToken.None);
        Assert.Empty(_store.Flows);
    }

    [Fact]
    public async Task Set_writes_only_what_differs_and_clears_to_null()
    {
        _store.Schedules.Add(new HubReference("s-1", "nightly", true));
        FlowDefinition definition = Definition(_store.AddVM("app01"));
        definition.Schedule = "nightly";
        await Service.CreateAsync(definition, new RecordingObserver<ProtectionFlow>(), CancellationToken.None);
        ProtectionFlow flow = _store.Flows.Single();

        var same = new RecordingObserver<ProtectionFlow>();
        await Service.UpdateAsync(FlowIdentity.Of(flow), new FlowChange { Schedule = "NIGHTLY", Enabled = true }, same, CancellationToken.None);
        Assert.DoesNotContain(_store.Writes, w => w.StartsWith("update", StringComparison.Ordinal));

        var cleared = new RecordingObserver<ProtectionFlow>();
        await Service.UpdateAsync(FlowIdentity.Of(flow), new FlowChange { ClearSchedule = true, Enabled = false }, cleared, CancellationToken.None);
        Assert.Null(cleared.Values.Single().ScheduleId);
        Assert.False(cleared.Values.Single().Enabled);

        var refused = new RecordingObserver<ProtectionFlow>();
        await Service.UpdateAsync(FlowIdentity.Of(flow), new FlowChange { Repository = "Off" }, refused, CancellationToken.None);
        Assert.Equal(SendenseErrorCode.ProtectionFlowRepositoryDisabled, refused.Errors.Single().Error.Code);
    }

    [Fact]
    public async Task Set_refuses_a_value_with_its_clearing_switch_and_warns_once_when_nothing_is_to_change()
    {
        await Service.CreateAsync(Definition(_store.AddVM("app01")), new RecordingObserver<ProtectionFlow>(), CancellationToken.None);
        FlowIdentity[] both = { FlowIdentity.Of(_store.Flows.Single()), FlowIdentity.Of(_store.Flows.Single()) };

        var conflict = await Assert.ThrowsAsync<SendenseException>(() => Service.UpdateAsync(both,
            new FlowChange { Policy = "daily", ClearPolicy = true }, new RecordingObserver<ProtectionFlow>(), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionFlowValueInvalid, conflict.Code);

        var nothing = new RecordingObserver<ProtectionFlow>();
        await Service.UpdateAsync(both, new FlowChange(), nothing, CancellationToken.None);
        Assert.Contains("Nothing to change", Assert.Single(nothing.Warnings), StringComparison.Ordinal);
        Assert.Empty(nothing.Values);
        Assert.DoesNotContain(_store.Writes, w => w.StartsWith("update", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_summary_counts_each_datacenter_with_the_status_rule()
    {
        DateTime old = new DateTime(2026, 11, 1, 2, 0, 0), recent = old.AddDays(20);
        _store.Protection.Add(new VMProtectionFacts("vc01", "DC1", new[] { ProtectionPath.Direct() }, 1, 0, recent));
        _store.Protection.Add(new VMProtectionFacts("vc01", "DC1", new[] { ProtectionPath.Membership() }, 1, 0, old));
        _store.Protection.Add(new VMProtectionFacts("vc01", "DC1", new[] { ProtectionPath.Membership(scheduleEnabled: false) }, 1, 1));
        _store.Protection.Add(new VMProtectionFacts("VC01", "dc1", Array.Empty<ProtectionPath>(), 1, 1));
        _store.Protection.Add(new VMProtectionFacts("vc01", "DC2", new[] { ProtectionPath.Direct() }, 1, 1));
        var observer = new RecordingObserver<ProtectionSummary>();
        await Service.GetSummaryAsync(Array.Empty<string>(), Array.Empty<string>(), observer, CancellationToken.None);

        ProtectionSummary dc1 = observer.Values.Single(s => s.Datacenter == "DC1");
        Assert.Equal((4, 2, 2, 1, 1, 0, old), (dc1.Managed, dc1.Grouped, dc1.Protected, dc1.Partial, dc1.Unprotected, dc1.ProtectedNeverBackedUp, dc1.OldestLastBackup!.Value));
        ProtectionSummary dc2 = observer.Values.Single(s => s.Datacenter == "DC2");
        Assert.Equal((1, 1, 1), (dc2.Managed, dc2.Protected, dc2.ProtectedNeverBackedUp));
        Assert.Null(dc2.OldestLastBackup);
    }

    private static FlowDefinition Definition(params ManagedVMKey[] vms) => new FlowDefinition
    {
        Repository = "local",
        Targets = vms.Select(vm => FlowTargetReference.ForVM(VMReference.FromContextId(vm.ContextId))).ToList(),
        CreatedBy = "powershell:test",
    };
}
