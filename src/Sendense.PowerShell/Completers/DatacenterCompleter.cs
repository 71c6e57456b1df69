using Sendense.Core.VMs;

namespace Sendense.PowerShell.Completers;

/// <summary>Completes the datacenter names of the VMs the connected hub manages.</summary>
public sealed class DatacenterCompleter : HubNameCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken) =>
        Items(await Services.VMs(hub).CompleteAsync(VMColumn.Datacenter, prefix, Limit, cancellationToken).ConfigureAwait(false));
}
