using System.Management.Automation;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Removes VMs from a protection group; a VM that is not a member is a warning.</para>
/// <para type="description">Collects the VMs from the pipeline (or memberships from Get-SendenseProtectionGroupMember)
/// and removes their memberships in one transaction. The VMs stay managed by the hub and stay in their other
/// groups. A VM that is not in the group is reported with a warning, not silently ignored.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SendenseProtectionGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ProtectionGroupMember))]
public sealed class RemoveSendenseProtectionGroupMemberCommand : MembershipCmdlet
{
    /// <summary>Writes the removed memberships (Result Removed) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (Requests.Count == 0)
        {
            base.EndProcessing();
            return;
        }

        HubConnection hub = ResolveHub();
        List<ProtectionGroupIdentity> identities = Requests.Select(request => request.Group).Distinct().ToList();
        Dictionary<ProtectionGroupIdentity, ProtectionGroup> groups = ResolveGroups(hub, identities, terminating: false);
        List<VMReference> references = Requests.Where(request => groups.ContainsKey(request.Group)).Select(request => request.VM).ToList();
        VMResolution resolution = ResolveVMs(hub, references);

        // Removing is safe per item: a VM the hub does not know is an error for that input only.
        foreach (VMReferenceProblem problem in resolution.Problems)
        {
            WriteSendenseError(problem.ToException(), problem.Reference.Source);
        }

        var vmOf = new Dictionary<VMReference, ManagedVMKey>();
        foreach ((VMReference reference, ManagedVMKey vm) in resolution.Matches)
        {
            vmOf[reference] = vm;
        }

        var pairs = new List<GroupVMPair>();
        foreach (IGrouping<ProtectionGroup, (ProtectionGroupIdentity Group, VMReference VM)> byGroup in Requests
                     .Where(request => groups.ContainsKey(request.Group) && vmOf.ContainsKey(request.VM))
                     .GroupBy(request => groups[request.Group], ReferenceEqualityComparer<ProtectionGroup>.Instance))
        {
            List<ManagedVMKey> vms = byGroup.Select(request => vmOf[request.VM]).GroupBy(vm => vm.ContextId).Select(same => same.First()).ToList();
            if (ShouldProcess(byGroup.Key.Name, $"Remove {Count(vms.Count, "VM")} from protection group ({NameList(vms.Select(vm => vm.Name))})"))
            {
                pairs.AddRange(vms.Select(vm => new GroupVMPair(byGroup.Key, vm)));
            }
        }

        if (pairs.Count == 0)
        {
            return;
        }

        MemberRemoval removal;
        try
        {
            removal = Await(token => ProtectionGroupEngine.RemoveMembersAsync(hub, pairs, token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, null);
            return;
        }

        foreach (GroupVMPair notMember in removal.NotMembers)
        {
            WriteWarning($"VM '{notMember.VM.Name}' ({notMember.VM.ContextId}) is not a member of protection group '{notMember.Group.Name}'; nothing to remove.");
        }

        foreach (IGrouping<string, ProtectionGroupMember> byGroup in removal.Removed.GroupBy(member => member.GroupName))
        {
            WriteVerbose($"Removed {Count(byGroup.Count(), "VM")} from protection group '{byGroup.Key}'.");
        }

        if (PassThru.IsPresent)
        {
            WriteObject(removal.Removed, enumerateCollection: true);
        }

        base.EndProcessing();
    }
}
