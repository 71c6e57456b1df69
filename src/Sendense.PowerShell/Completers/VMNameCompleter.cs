using Sendense.Hub.VMs;

namespace Sendense.PowerShell.Completers;

/// <summary>Completes VM names (vm_name) from the connected hub.</summary>
public sealed class VMNameCompleter : HubCompleter
{
    /// <inheritdoc />
    protected override Task<IReadOnlyList<string>> QueryAsync(HubConnection hub, string prefix, int limit, CancellationToken cancellationToken) =>
        VMQueryEngine.CompleteNamesAsync(hub, prefix, limit, cancellationToken);
}
