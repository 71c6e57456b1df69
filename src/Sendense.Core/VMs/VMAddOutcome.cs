namespace Sendense.Core.VMs;

/// <summary>What happened to one candidate once its batch was written: the VM as it now is in the hub, or why not.</summary>
public sealed class VMAddOutcome
{
    /// <summary>Creates an outcome.</summary>
    public VMAddOutcome(VMAddCandidate candidate, VM? vm, SendenseException? error)
    {
        Candidate = candidate;
        VM = vm;
        Error = error;
    }

    /// <summary>The input.</summary>
    public VMAddCandidate Candidate { get; }

    /// <summary>The managed VM with its Result (Added, Refreshed, Unchanged); null when the VM was refused.</summary>
    public VM? VM { get; }

    /// <summary>Why the VM was not written; null on success.</summary>
    public SendenseException? Error { get; }
}
