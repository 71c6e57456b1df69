using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

/// <summary>Get-, Get-Ungrouped- and Remove-SendenseVM's use cases through a fake store.</summary>
public sealed class VMQueryAndRemoveServiceTests
{
    private readonly FakeVMStore _store = new FakeVMStore();
    private readonly RecordingObserver<VM> _observer = new RecordingObserver<VM>();

    public VMQueryAndRemoveServiceTests()
    {
        foreach (string name in new[] { "café", "app-🚀", "web01", "web02", "db01" })
        {
            _store.Contexts.Add(FakeVMStore.Managed(name, "uuid-" + name));
        }
    }

    [Fact]
    public async Task The_one_wildcard_decides_among_what_the_query_narrowed_to()
    {
        await new VMService(_store).GetAsync(new VMQuery { Names = new[] { "web0[2-9]" } }, _observer, CancellationToken.None);

        Assert.Equal(new[] { "web02" }, _observer.Values.Select(v => v.Name));
    }

    [Fact]
    public async Task A_plain_name_that_matches_nothing_is_VMNotFound_only_when_asked_as_GetVM_does()
    {
        await new VMService(_store).GetAsync(new VMQuery { Names = new[] { "nope", "web*" }, ReportMisses = true }, _observer, CancellationToken.None);
        var ungrouped = new RecordingObserver<VM>();
        await new VMService(_store).GetAsync(new VMQuery { Names = new[] { "nope" }, UngroupedOnly = true }, ungrouped, CancellationToken.None);

        (object? input, SendenseException error) = Assert.Single(_observer.Errors);
        Assert.Equal("nope", input);
        Assert.Equal(SendenseErrorCode.VMNotFound, error.Code);
        Assert.Empty(ungrouped.Errors);
    }

    [Theory]
    [InlineData("cafe", "café")]
    [InlineData("app-🐧", "app-🚀")]
    public async Task A_name_equal_only_to_the_hub_matches_without_a_not_found_and_a_warning_says_why(string given, string found)
    {
        await new VMService(_store).GetAsync(new VMQuery { Names = new[] { given }, ReportMisses = true }, _observer, CancellationToken.None);

        Assert.Equal(found, Assert.Single(_observer.Values).Name);
        Assert.Empty(_observer.Errors);
        Assert.Contains(_observer.Warnings, w => w.Contains("utf8mb4_general_ci", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remove_by_name_finds_what_Get_finds()
    {
        AddRemovable("café", busy: null);

        await new VMService(_store).RemoveAsync(new VMRemoveRequest { Items = new[] { VMRemoveItem.ForName("cafe", null, "cafe") } }, _observer, CancellationToken.None);

        Assert.Equal(new[] { "ctx-café-1" }, _store.Removed);
        Assert.Empty(_observer.Errors);
    }

    [Fact]
    public async Task A_busy_VM_is_refused_without_Force_and_removed_with_it()
    {
        AddRemovable("web01", busy: "replication job j1 is replicating");
        var service = new VMService(_store);

        await service.RemoveAsync(new VMRemoveRequest { Items = new[] { VMRemoveItem.ForName("web01", null, "web01") } }, _observer, CancellationToken.None);
        Assert.Equal(SendenseErrorCode.VMBusy, Assert.Single(_observer.Errors).Error.Code);
        Assert.Empty(_store.Removed);

        await service.RemoveAsync(new VMRemoveRequest { Items = new[] { VMRemoveItem.ForName("web01", null, "web01") }, Force = true }, _observer, CancellationToken.None);
        Assert.Equal(new[] { "ctx-web01-1" }, _store.Removed);
        Assert.Contains("although replication job j1 is replicating", Assert.Single(_observer.Questions.Skip(0)).Action);
    }

    [Fact]
    public async Task A_declined_confirmation_removes_nothing_and_a_missing_exact_name_is_an_error()
    {
        AddRemovable("db01", busy: null);
        _observer.Answer = _ => false;

        await new VMService(_store).RemoveAsync(new VMRemoveRequest
        {
            Items = new[] { VMRemoveItem.ForName("db*", null, "db*"), VMRemoveItem.ForName("ghost", null, "ghost"), VMRemoveItem.ForName("zz*", null, "zz*") },
        }, _observer, CancellationToken.None);

        Assert.Empty(_store.Removed);
        (object? input, SendenseException error) = Assert.Single(_observer.Errors);
        Assert.Equal("ghost", input);
        Assert.Equal(SendenseErrorCode.VMNotFound, error.Code);
    }

    private void AddRemovable(string name, string? busy)
    {
        VM vm = FakeVMStore.Managed(name, "uuid-" + name).ToVM();
        vm.ContextId = "ctx-" + name + "-1";
        _store.RemovalTargets.Add(new VMRemovalTarget(vm, busy));
    }
}
