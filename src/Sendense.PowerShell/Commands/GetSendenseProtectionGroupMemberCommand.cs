using Sendense.Core.Groups;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the VMs in protection groups.</para>
/// <para type="description">Lists the memberships of the given groups (all groups when none is given), ordered by
/// group and VM name, with each VM's vCenter, power state, enabled flag and priority in the group. -Name filters
/// by VM name and takes wildcards. A VM in several groups appears once per group.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionGroupMember")]
[OutputType(typeof(ProtectionGroupMember))]
public sealed class GetSendenseProtectionGroupMemberCommand : GroupCmdlet
{
    private readonly List<ProtectionGroupIdentity> _groups = new List<ProtectionGroupIdentity>();

    /// <summary>The groups: names, ids, or ProtectionGroup objects from the pipeline. All groups when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("GroupId")]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public ProtectionGroupIdentity[]? Group { get; set; }

    /// <summary>VM names to list; wildcards allowed.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("VMName")]
    public string[]? Name { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => _groups.AddRange((Group ?? Array.Empty<ProtectionGroupIdentity>()).Where(identity => identity is not null));

    /// <inheritdoc />
    protected override void EndProcessing() =>
        RunGroups<ProtectionGroupMember>((groups, observer, token) => groups.GetMembersAsync(_groups, Name ?? Array.Empty<string>(), observer, token),
            _groups.Count == 0 ? null : _groups);
}
