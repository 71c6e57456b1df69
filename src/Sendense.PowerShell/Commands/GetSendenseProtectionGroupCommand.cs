namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets protection groups with their member counts, schedule and last execution.</para>
/// <para type="description">Reads the hub's protection groups, ordered by name, each with its member, enabled and
/// disabled counts, the name of its schedule and when it was last scheduled, all in one query. -Name takes
/// wildcards; a name without wildcards that matches nothing is an error.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionGroup", DefaultParameterSetName = ParameterSets.Name)]
[OutputType(typeof(ProtectionGroup))]
public sealed class GetSendenseProtectionGroupCommand : GroupCmdlet
{
    /// <summary>Group names; wildcards allowed. All groups when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = ParameterSets.Name)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Group ids.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Id)]
    [ValidateNotNullOrEmpty]
    [Alias("GroupId")]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <inheritdoc />
    protected override void EndProcessing() =>
        RunGroups<ProtectionGroup>((groups, observer, token) => groups.GetGroupsAsync(Name ?? Array.Empty<string>(),
            ParameterSetName == ParameterSets.Id ? Id : Array.Empty<string>(), observer, token), Name ?? (object)Id);
}
