using Sendense.Core.Groups;

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
    protected override Task ChangeAsync(GroupService groups, IOutcomeObserver<ProtectionGroupMember> observer, CancellationToken token) =>
        groups.RemoveMembersAsync(Requests, observer, token);

    /// <inheritdoc />
    protected override void WriteMember(ProtectionGroupMember member)
    {
        if (PassThru.IsPresent)
        {
            WriteObject(member);
        }
    }
}
