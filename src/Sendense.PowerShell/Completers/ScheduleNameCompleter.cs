using Sendense.Core.Groups;

namespace Sendense.PowerShell.Completers;

/// <summary>Tab completion of replication schedule names from the connected hub.</summary>
public sealed class ScheduleNameCompleter : HubNameCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken) =>
        Items(await new GroupService(Services.GroupStore(hub)).CompleteScheduleNamesAsync(prefix, Limit, cancellationToken).ConfigureAwait(false));
}
