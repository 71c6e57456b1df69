using Sendense.Hub.VMs;

namespace Sendense.PowerShell.Completers;

/// <summary>Completes datacenter names of managed VMs from the connected hub.</summary>
public sealed class DatacenterCompleter : HubCompleter
{
    /// <inheritdoc />
    protected override Task<IReadOnlyList<string>> QueryAsync(HubConnection hub, string prefix, int limit, CancellationToken cancellationToken) =>
        VMQueryEngine.CompleteDatacentersAsync(hub, prefix, limit, cancellationToken);
}
