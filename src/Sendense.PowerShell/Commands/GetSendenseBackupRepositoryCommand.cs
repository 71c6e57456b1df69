namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the hub's backup repositories (read only).</para>
/// <para type="description">Reads backup_repositories, ordered by name, with type, enabled flag, sizes as the hub
/// last measured them and how many protection flows write to each. -Name takes wildcards; a name without wildcards
/// that matches nothing is an error. New-SendenseProtectionFlow -Repository needs an enabled one.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseBackupRepository")]
[OutputType(typeof(BackupRepository))]
public sealed class GetSendenseBackupRepositoryCommand : FlowCmdlet
{
    /// <summary>Repository names; wildcards allowed. All when omitted.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(BackupRepositoryNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <inheritdoc />
    protected override void EndProcessing() =>
        RunFlows<BackupRepository>((flows, observer, token) => flows.GetRepositoriesAsync(Name, observer, token), Name);
}
