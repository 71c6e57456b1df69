using Sendense.Core.Flows;

namespace Sendense.PowerShell.Completers;

/// <summary>Tab completion of protection flow names from the connected hub.</summary>
public sealed class ProtectionFlowNameCompleter : HubNameCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken) =>
        Items(await Services.Flows(hub).CompleteNamesAsync(FlowReferenceKind.Flow, prefix, Limit, cancellationToken).ConfigureAwait(false));
}

/// <summary>Tab completion of backup repository names from the connected hub.</summary>
public sealed class BackupRepositoryNameCompleter : HubNameCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken) =>
        Items(await Services.Flows(hub).CompleteNamesAsync(FlowReferenceKind.Repository, prefix, Limit, cancellationToken).ConfigureAwait(false));
}

/// <summary>Tab completion of backup policy names from the connected hub.</summary>
public sealed class BackupPolicyNameCompleter : HubNameCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken) =>
        Items(await Services.Flows(hub).CompleteNamesAsync(FlowReferenceKind.Policy, prefix, Limit, cancellationToken).ConfigureAwait(false));
}
