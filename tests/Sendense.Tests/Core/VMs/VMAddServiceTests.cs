using Sendense.Core.Credentials;
using Sendense.Core.VMs;
using Sendense.Tests.Core.Credentials;

namespace Sendense.Tests.Core.VMs;

/// <summary>Add-SendenseVM's use case through a fake store: batching, races, refused values, faults and stops.</summary>
public sealed class VMAddServiceTests
{
    private readonly FakeVMStore _store = new FakeVMStore();
    private readonly FakeCredentialStore _credentials = new FakeCredentialStore();
    private readonly RecordingObserver<VM> _observer = new RecordingObserver<VM>();

    [Fact]
    public async Task Writes_in_batches_whose_first_is_a_quarter_so_that_writing_starts_early()
    {
        await AddAsync(Vms(10), batchSize: 4);

        Assert.Equal(new[] { 1, 4, 4, 1 }, _store.WrittenBatchSizes);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => "vm" + i), _observer.Values.Select(v => v.Name));
        Assert.All(_observer.Values, vm => Assert.Equal(VMAddResult.Added, vm.Result));
        Assert.True(_store.SessionDisposed);
    }

    [Fact]
    public async Task Plans_the_next_batch_on_the_look_ahead_connection_and_re_plans_a_lost_race_on_the_write_connection()
    {
        _store.ConflictsLeft = 2;

        await AddAsync(Vms(3), batchSize: 1000);

        Assert.Equal(new[] { VMAddLane.LookAhead, VMAddLane.Write, VMAddLane.Write }, _store.ReadLanes);
        Assert.Equal(3, _observer.Values.Count);
        Assert.Equal(2, _observer.VerboseLines.Count(line => line.Contains("planning the batch again", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_race_lost_again_and_again_ends_in_a_per_VM_conflict_and_nothing_written()
    {
        _store.ConflictsLeft = 100;

        await AddAsync(Vms(3), batchSize: 1000);

        Assert.Empty(_store.WrittenBatchSizes);
        Assert.Equal(3, _observer.Errors.Count);
        Assert.All(_observer.Errors, e => Assert.Equal(SendenseErrorCode.VMWriteConflict, e.Error.Code));
        Assert.Contains("gave up after 8 attempts", _observer.Errors[0].Error.Message);
    }

    [Fact]
    public async Task A_lock_held_throughout_is_worded_for_the_one_lock_holder()
    {
        _store.ConflictsLeft = 100;
        _store.ConflictKind = VMWriteRejection.LockWait;

        await AddAsync(Vms(1), batchSize: 1000);

        SendenseException error = Assert.Single(_observer.Errors).Error;
        Assert.Contains("Another session held a lock", error.Message);
        Assert.Contains("SHOW PROCESSLIST", error.Message);
    }

    [Fact]
    public async Task D5_each_lock_wait_is_said_a_long_one_warned_and_the_total_wait_bounded()
    {
        // Before: 8 silent attempts of innodb_lock_wait_timeout each (403 s in the field), then "Other writers kept changing".
        RetryPolicy.LockWaitForTests.Value = TimeSpan.FromSeconds(2);
        _store.ConflictsLeft = 100;
        _store.ConflictKind = VMWriteRejection.LockWait;
        _store.ConflictDelay = TimeSpan.FromMilliseconds(400);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await AddAsync(Vms(2), batchSize: 1000);

        Assert.InRange(watch.Elapsed.TotalSeconds, 2, 4.5);
        Assert.Empty(_store.WrittenBatchSizes);
        int attempts = 100 - _store.ConflictsLeft;
        Assert.Equal(attempts - 1, _observer.VerboseLines.Count(l => l.Contains("a row lock another session holds", StringComparison.Ordinal)));
        Assert.Single(_observer.Warnings, w => w.Contains("keeps locked", StringComparison.Ordinal));
        Assert.Equal(2, _observer.Errors.Count);
        SendenseException error = _observer.Errors[0].Error;
        Assert.Equal(SendenseErrorCode.HubLockWaitExceeded, error.Code);
        Assert.Contains("Another session held a lock", error.Message, StringComparison.Ordinal);
        Assert.Contains(RetryPolicy.LockWaitVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_connection_before_commit_is_planned_again_and_written_once()
    {
        _store.ConflictsLeft = 1;
        _store.ConflictKind = VMWriteRejection.ConnectionLost;

        await AddAsync(Vms(3), batchSize: 1000);

        Assert.Equal(new[] { 3 }, _store.WrittenBatchSizes);
        Assert.All(_observer.Values, vm => Assert.Equal(VMAddResult.Added, vm.Result));
        Assert.Contains(_observer.VerboseLines, l => l.Contains("lost connection before its commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_value_the_server_refuses_is_isolated_by_halving_and_the_rest_of_the_batch_lands()
    {
        _store.RefusedNames.Add("vm5");

        await AddAsync(Vms(8), batchSize: 1000);

        Assert.Equal(7, _observer.Values.Count);
        (object? input, SendenseException error) = Assert.Single(_observer.Errors);
        Assert.Equal("vm5", ((DiscoveredVM)input!).Name);
        Assert.Equal(SendenseErrorCode.HubQueryFailed, error.Code);
        Assert.Contains("Data too long", error.Message);
        Assert.Equal(7, _store.WrittenBatchSizes.Sum());
        Assert.True(_store.WrittenBatchSizes.Count > 1); // written in parts, not as one batch
    }

    [Fact]
    public async Task A_lost_hub_stops_the_add_after_reporting_every_batch_that_committed()
    {
        _store.FailWrite = (2, new SendenseException(SendenseErrorCode.HubUnreachable, "Lost the hub database."));

        var error = await Assert.ThrowsAsync<SendenseException>(() => AddAsync(Vms(10), batchSize: 4));

        Assert.Equal(SendenseErrorCode.HubUnreachable, error.Code);
        Assert.Equal(new[] { "vm0" }, _observer.Values.Select(v => v.Name));
        Assert.True(_store.SessionDisposed);
        Assert.False(_store.DisposedDuringWrite);
    }

    [Fact]
    public async Task A_stop_waits_for_the_write_in_flight_and_says_how_many_VMs_had_landed()
    {
        using var stop = new CancellationTokenSource();
        _store.DuringWrite = (3, async token =>
        {
            stop.Cancel();
            await Task.Delay(50, CancellationToken.None);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AddAsync(Vms(10), batchSize: 4, token: stop.Token));

        Assert.Equal(new[] { 1, 4 }, _store.WrittenBatchSizes);
        Assert.Equal(5, _observer.Values.Count);
        Assert.Contains(_observer.Warnings, w => w.Contains("5 VMs had been written", StringComparison.Ordinal));
        Assert.False(_store.DisposedDuringWrite);
        Assert.True(_store.SessionDisposed);
    }

    [Fact]
    public async Task WhatIf_asks_once_per_batch_writes_nothing_and_outputs_nothing()
    {
        _store.Contexts.Add(FakeVMStore.Managed("vm0", Uuid(0), "vc1", "[ds] vm0/vm0.vmdk", "[ds] vm0/vm0_1.vmdk"));
        _observer.Answer = _ => false;

        await AddAsync(Vms(6), batchSize: 1000, whatIf: true);

        Assert.Empty(_store.WrittenBatchSizes);
        Assert.Empty(_observer.Values);
        Assert.Equal(5, _observer.Questions.Count(q => q.Action.StartsWith("Add as ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Invalid_inputs_are_per_VM_errors_and_the_others_are_added()
    {
        DiscoveredVM template = TestVMs.Make("tmpl", vcenter: "vc1");
        template.IsTemplate = true;

        await AddAsync(Vms(2).Append(template).ToList(), batchSize: 1000);

        Assert.Equal(2, _observer.Values.Count);
        Assert.Equal(SendenseErrorCode.VMIsTemplate, Assert.Single(_observer.Errors).Error.Code);
    }

    [Fact]
    public async Task VMs_without_a_credential_get_the_hubs_only_active_one_for_their_vCenter_and_it_counts_one_use()
    {
        VCenterCredential prod = Seed("prod", "vc1");
        Seed("old", "vc1", active: false);

        await AddAsync(Vms(3), batchSize: 1000);

        Assert.Equal(prod.Id, _store.OpenedWithCredential);
        Assert.Equal(1, _credentials.UsesRecorded);
        Assert.Equal(1, prod.UsageCount);
        Assert.Contains(_observer.VerboseLines, l => l.Contains("only active credential", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_unambiguous_credential_the_VMs_are_added_with_none_and_a_warning_says_why()
    {
        Seed("a", "vc1");
        Seed("b", "vc1");

        await AddAsync(Vms(2), batchSize: 1000);

        Assert.Null(_store.OpenedWithCredential);
        Assert.Equal(0, _credentials.UsesRecorded);
        Assert.Contains(_observer.Warnings, w => w.Contains("none is the default", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_named_credential_that_is_inactive_stops_the_add_before_anything_is_written()
    {
        Seed("off", "vc1", active: false);

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            AddAsync(Vms(2), batchSize: 1000, credential: new VCenterCredentialIdentity("off")));

        Assert.Equal(SendenseErrorCode.VCenterCredentialInactive, error.Code);
        Assert.True(ErrorTable.Stops(error));
        Assert.Empty(_store.WrittenBatchSizes);
    }

    [Fact]
    public async Task A_managed_VM_seen_again_is_unchanged_and_still_output()
    {
        DiscoveredVM vm = TestVMs.Make("vm0", uuid: Uuid(0), vcenter: "vc1", disks: 0);
        ExistingContext managed = FakeVMStore.Managed("vm0", Uuid(0), "vc1");
        managed.OsType = "linux";
        managed.VMToolsVersion = vm.HardwareVersion;
        managed.PowerState = vm.PowerState;
        managed.CpuCount = vm.NumCpu;
        managed.MemoryMB = vm.MemoryMB;
        managed.VMPath = vm.Path;
        _store.Contexts.Add(managed);

        await AddAsync(new[] { vm }, batchSize: 1000);

        Assert.Equal(VMAddResult.Unchanged, Assert.Single(_observer.Values).Result);
        Assert.Empty(_store.WrittenBatchSizes);
    }

    private Task AddAsync(IReadOnlyList<DiscoveredVM> vms, int batchSize, bool whatIf = false, VCenterCredentialIdentity? credential = null,
        CancellationToken token = default) =>
        new VMService(_store, _credentials).AddAsync(new VMAddRequest { VMs = vms, BatchSize = batchSize, WhatIf = whatIf, Credential = credential }, _observer, token);

    private VCenterCredential Seed(string name, string vcenter, bool active = true)
    {
        VCenterCredential credential = _credentials.Seed(name, key: null, active: active);
        credential.VCenter = vcenter;
        return credential;
    }

    private static List<DiscoveredVM> Vms(int count) =>
        Enumerable.Range(0, count).Select(i => TestVMs.Make("vm" + i, uuid: Uuid(i), vcenter: "vc1")).ToList();

    private static string Uuid(int i) => "4203a8c1-0000-0000-0000-" + i.ToString("D12", CultureInfo.InvariantCulture);
}
