namespace Sendense.Core.Discovery;

/// <summary>
/// Receives what a discovery produces while it runs: VMs as their page is parsed, progress, and messages. Called
/// from one background thread at a time; a cmdlet forwards everything to its pipeline thread (Pump). Throwing from
/// a callback stops the discovery (and releases its server-side state).
/// </summary>
public abstract class VMDiscoveryObserver
{
    /// <summary>One discovered VM that passed the filters.</summary>
    public abstract void OnVM(DiscoveredVM vm);

    /// <summary>Progress; by default ignored.</summary>
    public virtual void OnProgress(VMDiscoveryProgress progress)
    {
    }

    /// <summary>A detail for -Verbose; by default ignored.</summary>
    public virtual void OnVerbose(string message)
    {
    }

    /// <summary>Something the user should know (partial data, a renewed session); by default ignored.</summary>
    public virtual void OnWarning(string message)
    {
    }
}
