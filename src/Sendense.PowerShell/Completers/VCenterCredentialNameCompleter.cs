namespace Sendense.PowerShell.Completers;

/// <summary>
/// Tab completion of stored vCenter credential names (compared as the hub compares them), each with a tool tip
/// that tells the credential apart: user, vCenter, datacenter, default, inactive.
/// </summary>
public sealed class VCenterCredentialNameCompleter : HubNameCompleter
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken)
    {
        IReadOnlyList<VCenterCredential> credentials = await Services.Credentials(hub).CompleteAsync(prefix, Limit, cancellationToken).ConfigureAwait(false);
        return credentials.Select(c => new CompletionItem(c.Name, ToolTip(c))).ToList();
    }

    private static string ToolTip(VCenterCredential c) =>
        $"{c.Name}: {c.UserName} at {c.VCenter}, datacenter {c.Datacenter}" +
        (c.IsDefault ? " (default)" : string.Empty) + (c.IsActive ? string.Empty : " (inactive)");
}
