using Sendense.Hub.VMs;

namespace Sendense.PowerShell.Completers;

/// <summary>Completes vCenter names of managed VMs from the connected hub.</summary>
public sealed class VCenterCompleter : HubCompleter
{
    /// <inheritdoc />
    protected override Task<IReadOnlyList<string>> QueryAsync(HubConnection hub, string prefix, int limit, CancellationToken cancellationToken) =>
        VMQueryEngine.CompleteVCentersAsync(hub, prefix, limit, cancellationToken);
}
