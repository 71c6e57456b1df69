namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the hub's backup policies (read only).</para>
/// <para type="description">Reads backup_policies, ordered by name, with the primary repository's name and the
/// retention. -Name takes wildcards. A flow may name a policy (-Policy); the hub's engine does not apply it yet.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseBackupPolicy")]
[OutputType(typeof(BackupPolicy))]
public sealed class GetSendenseBackupPolicyCommand : FlowCmdlet
{
    /// <summary>Policy names; wildcards allowed. All when omitted.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(BackupPolicyNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <inheritdoc />
    protected override void EndProcessing() =>
        RunFlows<BackupPolicy>((flows, observer, token) => flows.GetPoliciesAsync(Name, observer, token), Name);
}
