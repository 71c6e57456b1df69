using System.Collections.Concurrent;
using Sendense.Core.Discovery;

namespace Sendense.Tests.Discovery;

/// <summary>Collects what a discovery hands out; can stop it after a number of VMs (by throwing or by an action).</summary>
internal sealed class CollectingObserver : VMDiscoveryObserver
{
    private readonly ConcurrentQueue<DiscoveredVM> _vms = new ConcurrentQueue<DiscoveredVM>();

    public List<string> Warnings { get; } = new List<string>();

    public List<string> Verbose { get; } = new List<string>();

    public List<VMDiscoveryProgress> Progress { get; } = new List<VMDiscoveryProgress>();

    /// <summary>Runs after the given number of VMs arrived (e.g. throw, or cancel a token).</summary>
    public (int After, Action Action)? Stop { get; init; }

    public IReadOnlyList<DiscoveredVM> VMs => _vms.ToArray();

    public DiscoveredVM Single(string moRef) => VMs.Single(v => v.MoRef == moRef);

    public override void OnVM(DiscoveredVM vm)
    {
        _vms.Enqueue(vm);
        if (Stop is { } stop && _vms.Count == stop.After)
        {
            stop.Action();
        }
    }

    public override void OnProgress(VMDiscoveryProgress progress)
    {
        lock (Progress)
        {
            Progress.Add(progress);
        }
    }

    public override void OnVerbose(string message)
    {
        lock (Verbose)
        {
            Verbose.Add(message);
        }
    }

    public override void OnWarning(string message)
    {
        lock (Warnings)
        {
            Warnings.Add(message);
        }
    }
}
