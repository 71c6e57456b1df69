namespace Sendense.Core.Common;

/// <summary>
/// What a running use case tells whoever started it, and the one question it may ask. Services call it from any
/// thread; the cmdlet base turns each call into Write-Progress, Write-Verbose, Write-Warning or ShouldProcess on the
/// pipeline thread, and xUnit tests record the calls. A service never writes to the console itself.
/// </summary>
public interface IOperationObserver
{
    /// <summary>Progress of a long step (or of one part of it: a vCenter among several).</summary>
    public void Progress(OperationProgress progress);

    /// <summary>A detail for -Verbose.</summary>
    public void Verbose(string message);

    /// <summary>Something the user should know that does not stop the work.</summary>
    public void Warning(string message);

    /// <summary>
    /// Asks whether each change may be made (ShouldProcess: -WhatIf answers no after saying what would happen,
    /// -Confirm asks). One call for a whole batch, so a 10,000-VM add costs a few round trips, not 10,000.
    /// </summary>
    /// <returns>One answer per request, in order.</returns>
    public Task<IReadOnlyList<bool>> ConfirmAsync(IReadOnlyList<ChangeRequest> changes, CancellationToken cancellationToken);
}

/// <summary>Receives the per-item results of a use case as they are decided (see <see cref="Outcome{T}"/>).</summary>
/// <typeparam name="T">The object each successful item produces.</typeparam>
public interface IOutcomeObserver<T> : IOperationObserver
{
    /// <summary>One input's result; called in input order within a batch, batches in the order they finish.</summary>
    public void Outcome(Outcome<T> outcome);

    /// <summary>
    /// Many successful items at once, in order, each its own input: a listing's whole result. One call instead of one
    /// per item, so 5,000 rows reach the pipeline in one hand-off rather than through 5,000 posts.
    /// </summary>
    public void Successes(IReadOnlyList<T> values);
}

/// <summary>One change a use case wants to make, as ShouldProcess shows it: "Performing the operation {Action} on target {Target}".</summary>
/// <param name="Target">What is changed ("VM 'web01' (vc01)").</param>
/// <param name="Action">What is done to it ("Add as ctx-web01-20261201-101500 with 2 disk(s)").</param>
public sealed record ChangeRequest(string Target, string Action)
{
    /// <summary>
    /// A change of high impact asked by a command of lower impact (Update-SendenseVM -RemoveMissing): it prompts as a
    /// Remove- cmdlet would (unless -Confirm:$false or $ConfirmPreference says otherwise).
    /// </summary>
    public bool HighImpact { get; init; }
}
