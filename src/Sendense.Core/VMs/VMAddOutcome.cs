namespace Sendense.Core.VMs;

/// <summary>What happened to one candidate once its batch was written: the VM as it now is in the hub, or why not.</summary>
/// <param name="Candidate">The input.</param>
/// <param name="VM">The managed VM with its Result (Added, Refreshed, Unchanged); null when the VM was refused.</param>
/// <param name="Error">Why the VM was not written; null on success.</param>
public sealed record VMAddOutcome(VMAddCandidate Candidate, VM? VM, SendenseException? Error);
