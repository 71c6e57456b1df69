using System.Management.Automation;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;
using Sendense.PowerShell.Completers;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of Add- and Remove-SendenseProtectionGroupMember: the -Group and -VM parameters, the pipeline collected as
/// (group, VM) requests, and the one query that resolves every requested VM.
/// </summary>
public abstract class MembershipCmdlet : ProtectionGroupCmdlet
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
    internal List<(ProtectionGroupIdentity Group, VMReference VM)> Requests { get; } = new List<(ProtectionGroupIdentity, VMReference)>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var references = new List<VMReference>();
        CollectVMs(VM, references);
        Requests.AddRange(references.Select(reference => (Group, reference)));
    }

    /// <summary>Resolves the VMs in one query, or stops the command when the hub cannot answer.</summary>
    internal VMResolution ResolveVMs(HubConnection hub, List<VMReference> references)
    {
        try
        {
            return Await(token => ProtectionGroupEngine.ResolveVMsAsync(hub, references, token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, null);
            throw;
        }
    }
}
