using System.Management.Automation;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Adds VMs to a protection group; VMs already in it are reported, not failed.</para>
/// <para type="description">Collects the VMs from the pipeline and adds them in one transaction. A VM that already
/// is a member comes back with Result AlreadyMember and is left as it is, so running the command again is safe.
/// A VM may belong to several groups. If any input is not a VM the hub manages, nothing is written.</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "SendenseProtectionGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ProtectionGroupMember))]
public sealed class AddSendenseProtectionGroupMemberCommand : MembershipCmdlet
{
    /// <summary>Priority of the added VMs inside the group, 0-100 (default 50, as the hub GUI assigns).</summary>
    [Parameter]
    [ValidateRange(ProtectionGroupRules.MinPriority, ProtectionGroupRules.MaxPriority)]
    public int Priority { get; set; } = ProtectionGroupRules.DefaultMemberPriority;

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
        Dictionary<ProtectionGroupIdentity, ProtectionGroup> groups = ResolveGroups(hub, identities, terminating: true);
        List<VMReference> references = Requests.Select(request => request.VM).ToList();
        VMResolution resolution = ResolveVMs(hub, references);

        string groupText = string.Join("', '", groups.Values.Select(group => group.Name).Distinct());
        ThrowIfVMProblems(resolution.Problems, references.Count, $"No VM was added to '{groupText}'");

        var vmOf = new Dictionary<VMReference, ManagedVMKey>();
        foreach ((VMReference reference, ManagedVMKey vm) in resolution.Matches)
        {
            vmOf[reference] = vm;
        }

        List<GroupVMPair> pairs = new List<GroupVMPair>();
        foreach (IGrouping<ProtectionGroup, (ProtectionGroupIdentity Group, VMReference VM)> byGroup in
                 Requests.GroupBy(request => groups[request.Group], ReferenceEqualityComparer<ProtectionGroup>.Instance))
        {
            List<ManagedVMKey> vms = byGroup.Select(request => vmOf[request.VM]).GroupBy(vm => vm.ContextId).Select(same => same.First()).ToList();
            if (ShouldProcess(byGroup.Key.Name, $"Add {Count(vms.Count, "VM")} to protection group ({NameList(vms.Select(vm => vm.Name))})"))
            {
                pairs.AddRange(vms.Select(vm => new GroupVMPair(byGroup.Key, vm)));
            }
        }

        if (pairs.Count == 0)
        {
            return;
        }

        IReadOnlyList<ProtectionGroupMember> members;
        try
        {
            members = Await(token => ProtectionGroupEngine.AddMembersAsync(hub, pairs, Priority, token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, groupText);
            return;
        }

        foreach (ProtectionGroupMember member in members.Where(member => member.Result == ProtectionGroupMemberResult.AlreadyMember))
        {
            WriteVerbose($"VM '{member.VMName}' already is a member of protection group '{member.GroupName}'; left as it is.");
        }

        foreach (ProtectionGroup group in pairs.Select(pair => pair.Group).Distinct())
        {
            int added = members.Count(member => member.GroupId == group.Id && member.Result == ProtectionGroupMemberResult.Added);
            WriteVerbose($"Added {Count(added, "VM")} to protection group '{group.Name}'.");
            WarnAboutGuiCapacity(group.Name, group.MemberCount + added, group.MaxConcurrentVMs);
        }

        WriteObject(members, enumerateCollection: true);
        base.EndProcessing();
    }
}
