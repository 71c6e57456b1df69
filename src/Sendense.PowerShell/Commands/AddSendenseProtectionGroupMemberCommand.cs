using Sendense.Core.Groups;

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
    protected override Task ChangeAsync(GroupService groups, IOutcomeObserver<ProtectionGroupMember> observer, CancellationToken token) =>
        groups.AddMembersAsync(Requests, Priority, observer, token);
}
