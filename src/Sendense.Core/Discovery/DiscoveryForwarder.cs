namespace Sendense.Core.Discovery;

/// <summary>
/// Passes a running sweep on to the use case's observer: each VM as it is parsed (marked IsManaged/ContextId when a
/// hub is connected, stamped with the stored credential it was discovered with), progress, messages. Runs on the
/// sweep's thread; the observer is what makes that safe.
/// </summary>
internal sealed class DiscoveryForwarder : VMDiscoveryObserver
{
    private const int ProgressId = 0x5E4D;
    private const int MaxPending = 256;
    private readonly IOutcomeObserver<DiscoveredVM> _observer;
    private readonly string _activity;
    private readonly Task<IReadOnlyDictionary<string, string>>? _managedLookup;
    private readonly int? _credentialId;
    private IReadOnlyDictionary<string, string>? _managed;
    private bool _hubUnavailable;
    private bool _progressShown;

    // VMs parsed since the last message, handed on together: the sweep reports progress every 250 VMs and at every
    // page, so VMs still stream as the pages arrive, but the pipeline thread takes one post per group instead of one
    // per VM. Measured on 10,000 simulator VMs (fresh pwsh, 7 rounds): 2.49 s of CPU per discovery became 2.08 s.
    // No lock: the sweep parses its pages one after another, and Complete runs after the sweep has been awaited.
    private List<DiscoveredVM> _pending = new List<DiscoveredVM>();

    private readonly int _progressId = ProgressId;
    private readonly int _parentId = -1;

    internal DiscoveryForwarder(IOutcomeObserver<DiscoveredVM> observer, string vcenter, Task<IReadOnlyDictionary<string, string>>? managedLookup, int? credentialId,
        int? childIndex = null)
    {
        if (childIndex is int index)
        {
            _progressId = Refresh.VCenterFanOut.ChildProgressId(index);
            _parentId = Refresh.VCenterFanOut.ParentProgressId;
        }

        _observer = observer;
        _activity = "Discovering VMs on vCenter " + vcenter;
        _managedLookup = managedLookup;
        _credentialId = credentialId;
        _hubUnavailable = managedLookup is null;
    }

    /// <inheritdoc />
    public override void OnVM(DiscoveredVM vm)
    {
        IReadOnlyDictionary<string, string>? managed = Managed();
        if (managed is not null)
        {
            string? context = ManagedVMs.ContextOf(managed, vm);
            vm.IsManaged = context is not null;
            vm.ContextId = context;
        }

        vm.CredentialId = _credentialId;
        _pending.Add(vm);
        if (_pending.Count >= MaxPending)
        {
            Flush();
        }
    }

    /// <inheritdoc />
    public override void OnProgress(VMDiscoveryProgress progress)
    {
        if (progress.Stage == VMDiscoveryStage.Completed)
        {
            Complete();
            return;
        }

        Flush();

        int? percent = progress.Stage == VMDiscoveryStage.ReadingVMs && progress.Total is int total && total > 0
            ? Math.Min(100, progress.Read * 100 / total)
            : null;
        _progressShown = true;
        _observer.Progress(new OperationProgress(_progressId, _activity, Messages.Discovery.Stage(progress)) { Percent = percent, ParentId = _parentId });
    }

    /// <inheritdoc />
    public override void OnVerbose(string message)
    {
        Flush();
        _observer.Verbose(message);
    }

    /// <inheritdoc />
    public override void OnWarning(string message)
    {
        Flush();
        _observer.Warning(message);
    }

    /// <summary>Ends the progress bar (once).</summary>
    internal void Complete()
    {
        Flush();
        if (_progressShown)
        {
            _progressShown = false;
            _observer.Progress(new OperationProgress(_progressId, _activity, "Done") { Completed = true, ParentId = _parentId });
        }
    }

    // The hub's answer; waited for on the first VM only. A failed query costs the marking, not the run.
    private IReadOnlyDictionary<string, string>? Managed()
    {
        if (_managed is not null || _hubUnavailable)
        {
            return _managed;
        }

        try
        {
            _managed = _managedLookup!.GetAwaiter().GetResult();
            _observer.Verbose(Messages.Discovery.ManagedCount(_managed.Count));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _hubUnavailable = true;
            _observer.Warning(Messages.Discovery.ManagedUnknown(exception.Message));
        }

        return _managed;
    }

    // Hands on the VMs parsed since the last message, before whatever comes next.
    private void Flush()
    {
        if (_pending.Count > 0)
        {
            List<DiscoveredVM> vms = _pending;
            _pending = new List<DiscoveredVM>();
            _observer.Successes(vms);
        }
    }
}
