namespace Sendense.Core.Discovery;

/// <summary>
/// Collects the VMs of a discovery that feeds another use case (Add-SendenseVM discovering PowerCLI objects, the
/// refresh) instead of the pipeline, and passes its messages on to that use case's observer. The refresh's collector
/// derives from it to add a progress bar per vCenter.
/// </summary>
internal class CollectingDiscoveryObserver : VMDiscoveryObserver
{
    private readonly IOperationObserver _messages;
    private readonly object _gate = new object();
    private readonly List<DiscoveredVM> _vms = new List<DiscoveredVM>();

    internal CollectingDiscoveryObserver(IOperationObserver messages) => _messages = messages;

    /// <summary>The VMs found, in discovery order.</summary>
    internal IReadOnlyList<DiscoveredVM> VMs
    {
        get
        {
            lock (_gate)
            {
                return _vms.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public override void OnVM(DiscoveredVM vm)
    {
        lock (_gate)
        {
            _vms.Add(vm);
        }
    }

    /// <inheritdoc />
    public override void OnVerbose(string message) => _messages.Verbose(message);

    /// <inheritdoc />
    public override void OnWarning(string message) => _messages.Warning(message);
}
