namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// -Force on a cmdlet whose changes are confirmed by default (ConfirmImpact High): the PowerShell convention for
/// such a switch is <c>if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm')) { $ConfirmPreference = 'None' }</c>,
/// so that runbooks need no -Confirm:$false. A compiled cmdlet cannot lower its own ConfirmPreference, so this
/// observer answers the use case's confirmation itself: yes to each change (said in -Verbose as ShouldProcess would),
/// unless -Confirm was given explicitly or -WhatIf is on, when ShouldProcess asks or reports as usual.
/// </summary>
internal sealed class ForcedConfirmation : IOperationObserver
{
    private readonly IOperationObserver _inner;

    private ForcedConfirmation(IOperationObserver inner) => _inner = inner;

    /// <summary>
    /// Whether -Force answers the confirmation for this invocation. Call it on the pipeline thread, before
    /// the use case runs (it reads the invocation and session state).
    /// </summary>
    internal static bool Applies(PSCmdlet cmdlet, bool force) =>
        force && !cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm") && !WhatIfMode.IsOn(cmdlet);

    /// <summary>The observer the use case gets: <paramref name="observer"/> itself unless -Force <paramref name="applies"/>.</summary>
    internal static IOperationObserver Wrap(IOperationObserver observer, bool applies) =>
        applies ? new ForcedConfirmation(observer) : observer;

    /// <inheritdoc />
    public void Progress(OperationProgress progress) => _inner.Progress(progress);

    /// <inheritdoc />
    public void Verbose(string message) => _inner.Verbose(message);

    /// <inheritdoc />
    public void Warning(string message) => _inner.Warning(message);

    /// <inheritdoc />
    public Task<IReadOnlyList<bool>> ConfirmAsync(IReadOnlyList<ChangeRequest> changes, CancellationToken cancellationToken)
    {
        foreach (ChangeRequest change in changes)
        {
            _inner.Verbose($"Performing the operation \"{change.Action}\" on target \"{change.Target}\" (-Force: not asked).");
        }

        return Task.FromResult<IReadOnlyList<bool>>(changes.Select(_ => true).ToList());
    }
}
