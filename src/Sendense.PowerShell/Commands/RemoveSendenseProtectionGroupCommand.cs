namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Removes a protection group.</para>
/// <para type="description">Deletes a group as the hub does: a group that still has members, or whose schedule
/// execution is running, is refused unless -Force is given. With -Force the memberships go with the group (the VMs
/// stay managed) and executions keep their history without a group.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SendenseProtectionGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveSendenseProtectionGroupCommand : OneGroupCmdlet
{
    /// <summary>Removes the group even when it has members or a running schedule execution.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        RunGroups<ProtectionGroup>((groups, observer, token) => groups.RemoveAsync(Group, Force.IsPresent, observer, token), Group);
}
