using Sendense.Core.Discovery;

namespace Sendense.Tests.Discovery;

/// <summary>
/// How a running sweep reaches the use case's observer: VMs handed on in groups (one wake of the pipeline thread per
/// group, not per VM), in the order they were parsed, never overtaken by a message that came after them.
/// </summary>
public sealed class DiscoveryForwarderTests
{
    private static DiscoveredVM VM(int number) => new DiscoveredVM { MoRef = "vm-" + number, Name = "vm" + number };

    [Fact]
    public void VMs_are_handed_on_in_groups_and_a_message_never_overtakes_the_VMs_before_it()
    {
        var observer = new OrderedObserver();
        var forward = new DiscoveryForwarder(observer, "vc01", managedLookup: null, credentialId: 7);

        for (int i = 1; i <= 3; i++)
        {
            forward.OnVM(VM(i));
        }

        forward.OnVerbose("page 1 read");
        forward.OnVM(VM(4));
        forward.OnWarning("vm5 has no datacenter");
        forward.OnVM(VM(5));
        forward.Complete();

        Assert.Equal(new[] { "vms vm-1,vm-2,vm-3", "verbose page 1 read", "vms vm-4", "warning vm5 has no datacenter", "vms vm-5" }, observer.Events);
        Assert.All(observer.VMs, vm => Assert.Equal(7, vm.CredentialId));
    }

    [Fact]
    public void A_long_run_of_VMs_without_messages_still_streams_in_bounded_groups()
    {
        var observer = new OrderedObserver();
        var forward = new DiscoveryForwarder(observer, "vc01", managedLookup: null, credentialId: null);

        for (int i = 1; i <= 1000; i++)
        {
            forward.OnVM(VM(i));
        }

        int handedBeforeTheEnd = observer.VMs.Count;
        forward.Complete();

        Assert.InRange(handedBeforeTheEnd, 700, 999);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => "vm-" + i), observer.VMs.Select(vm => vm.MoRef));
        Assert.True(observer.Events.Count < 10, $"{observer.Events.Count} hand-overs for 1,000 VMs");
    }

    [Fact]
    public void Progress_hands_on_the_VMs_read_so_far_first()
    {
        var observer = new OrderedObserver();
        var forward = new DiscoveryForwarder(observer, "vc01", managedLookup: null, credentialId: null);

        forward.OnVM(VM(1));
        forward.OnProgress(new VMDiscoveryProgress { Stage = VMDiscoveryStage.ReadingVMs, Discovered = 1, Read = 1, Total = 2 });
        forward.OnVM(VM(2));
        forward.OnProgress(new VMDiscoveryProgress { Stage = VMDiscoveryStage.Completed, Discovered = 2 });

        Assert.Equal(new[] { "vms vm-1", "progress 50", "vms vm-2", "progress done" }, observer.Events);
    }

    /// <summary>Every call in the order it came.</summary>
    private sealed class OrderedObserver : IOutcomeObserver<DiscoveredVM>
    {
        internal List<string> Events { get; } = new List<string>();

        internal List<DiscoveredVM> VMs { get; } = new List<DiscoveredVM>();

        public void Outcome(Outcome<DiscoveredVM> outcome) => Successes(new[] { outcome.Value! });

        public void Successes(IReadOnlyList<DiscoveredVM> values)
        {
            VMs.AddRange(values);
            Events.Add("vms " + string.Join(",", values.Select(vm => vm.MoRef)));
        }

        public void Progress(OperationProgress progress) =>
            Events.Add("progress " + (progress.Completed ? "done" : progress.Percent?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        public void Verbose(string message) => Events.Add("verbose " + message);

        public void Warning(string message) => Events.Add("warning " + message);

        public Task<IReadOnlyList<bool>> ConfirmAsync(IReadOnlyList<ChangeRequest> changes, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<bool>>(changes.Select(_ => true).ToList());
    }
}
