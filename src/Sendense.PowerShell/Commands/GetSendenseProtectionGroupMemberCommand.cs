using System.Management.Automation;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the VMs in protection groups.</para>
/// <para type="description">Lists the memberships of the given groups (all groups when none is given), ordered by
/// group and VM name, with each VM's vCenter, power state, enabled flag and priority in the group. -Name filters
/// by VM name and takes wildcards. A VM in several groups appears once per group.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionGroupMember")]
[OutputType(typeof(ProtectionGroupMember))]
public sealed class GetSendenseProtectionGroupMemberCommand : ProtectionGroupCmdlet
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
    protected override void ProcessRecord()
    {
        if (Group is not null)
        {
            _groups.AddRange(Group.Where(identity => identity is not null));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        HubConnection hub = ResolveHub();
        List<string>? groupIds = null;
        if (_groups.Count > 0)
        {
            groupIds = ResolveGroups(hub, _groups, terminating: false).Values.Select(group => group.Id).Distinct().ToList();
            if (groupIds.Count == 0)
            {
                return;
            }
        }

        List<Wildcard> patterns = (Name ?? Array.Empty<string>()).Select(name => new Wildcard(name.Trim())).ToList();
        IReadOnlyList<ProtectionGroupMember> members;
        try
        {
            members = Await(token => ProtectionGroupEngine.GetMembersAsync(hub, groupIds,
                patterns.Count == 0 ? null : patterns.Select(pattern => pattern.ToLike()).ToList(), token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, _groups.Count == 0 ? null : _groups);
            return;
        }

        if (patterns.Count > 0)
        {
            members = members.Where(member => patterns.Any(pattern => pattern.IsMatch(member.VMName))).ToList();
        }

        WriteObject(members, enumerateCollection: true);
        base.EndProcessing();
    }
}
