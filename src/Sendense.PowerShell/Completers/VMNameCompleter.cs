using Sendense.Core.VMs;

namespace Sendense.PowerShell.Completers;

/// <summary>Completes the VM names (vm_name) of the VMs the connected hub manages.</summary>
public sealed class VMNameCompleter : HubNameCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken) =>
        Items(await Services.VMs(hub).CompleteAsync(VMColumn.Name, prefix, Limit, cancellationToken).ConfigureAwait(false));
}
