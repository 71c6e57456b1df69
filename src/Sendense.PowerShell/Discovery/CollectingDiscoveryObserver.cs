using System.Collections.Concurrent;
using Sendense.Core.Discovery;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Discovery;

/// <summary>
/// Collects the VMs of a discovery that feeds another step (Add-SendenseVM discovering PowerCLI objects) instead of
/// the pipeline. Messages arrive on the discovery's background thread, so they are queued and written afterwards
/// on the pipeline thread by <see cref="WriteMessages"/>.
/// </summary>
internal sealed class CollectingDiscoveryObserver : VMDiscoveryObserver
{
    private readonly ConcurrentQueue<(bool Warning, string Text)> _messages = new ConcurrentQueue<(bool, string)>();
    private readonly object _gate = new object();
    private readonly List<DiscoveredVM> _vms = new List<DiscoveredVM>();

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

    public override void OnVM(DiscoveredVM vm)
    {
        lock (_gate)
        {
            _vms.Add(vm);
        }
    }

    public override void OnVerbose(string message) => _messages.Enqueue((false, message));

    public override void OnWarning(string message) => _messages.Enqueue((true, message));

    /// <summary>Writes the queued verbose and warning messages; call on the pipeline thread.</summary>
    internal void WriteMessages(SendenseCmdlet cmdlet)
    {
        while (_messages.TryDequeue(out (bool Warning, string Text) message))
        {
            if (message.Warning)
            {
                cmdlet.WriteWarning(message.Text);
            }
            else
            {
                cmdlet.WriteVerbose(message.Text);
            }
        }
    }
}
