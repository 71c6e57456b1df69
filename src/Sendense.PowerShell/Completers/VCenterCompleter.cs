using Sendense.Core.VMs;

namespace Sendense.PowerShell.Completers;

/// <summary>Completes the vCenter names (vcenter_host) of the VMs the connected hub manages.</summary>
public sealed class VCenterCompleter : HubNameCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken) =>
        Items(await Services.VMs(hub).CompleteAsync(VMColumn.VCenter, prefix, Limit, cancellationToken).ConfigureAwait(false));
}
