using Sendense.Core.Groups;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of Add- and Remove-SendenseProtectionGroupMember: the -Group and -VM parameters, declared once, the
/// pipeline collected as (group, VM) requests, and the one batch that runs over them at the end.
/// </summary>
public abstract class MembershipCmdlet : GroupCmdlet
{
    /// <summary>The group: a name, an id or a ProtectionGroup object; binds from a GroupId property too.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("GroupId")]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public ProtectionGroupIdentity Group { get; set; } = null!;

    /// <summary>The VMs: Sendense.VM or membership objects, context ids, or objects with a ContextId or Name property.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("InputObject")]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject?[] VM { get; set; } = null!;

    /// <summary>Every (group, VM) pair the pipeline asked for, in input order.</summary>
    internal List<MembershipRequest> Requests { get; } = new List<MembershipRequest>();

    // The groups named, each once: the TargetObject of a failure of the whole batch.
    private object GroupTargets
    {
        get
        {
            List<ProtectionGroupIdentity> groups = Requests.Select(request => request.Group).Distinct().ToList();
            return groups.Count == 1 ? groups[0] : groups;
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var references = new List<VMReference>();
        CollectVMs(VM, references);
        Requests.AddRange(references.Select(reference => new MembershipRequest(Group, reference)));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        // Nothing piped: nothing to do, and no hub needed.
        if (Requests.Count > 0)
        {
            RunGroups<ProtectionGroupMember>(ChangeAsync, GroupTargets, WriteMember);
        }
    }

    /// <summary>The use case, over every request of the pipeline (<see cref="Requests"/>) as one batch.</summary>
    protected abstract Task ChangeAsync(GroupService groups, IOutcomeObserver<ProtectionGroupMember> observer, CancellationToken token);

    /// <summary>Writes one membership the batch reports; to the pipeline unless the cmdlet says otherwise.</summary>
    protected virtual void WriteMember(ProtectionGroupMember member) => WriteObject(member);
}
