using Sendense.Core.Groups;

namespace Sendense.PowerShell.Completers;

/// <summary>Tab completion of protection group names from the connected hub (one indexed query, 2 s at most).</summary>
public sealed class ProtectionGroupNameCompleter : HubNameCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken) =>
        Items(await new GroupService(Services.GroupStore(hub)).CompleteGroupNamesAsync(prefix, Limit, cancellationToken).ConfigureAwait(false));
}
