using System.Management.Automation;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Removes a protection group.</para>
/// <para type="description">Deletes a group as the hub does: a group that still has members, or whose schedule
/// execution is running, is refused unless -Force is given. With -Force the memberships go with the group (the VMs
/// stay managed) and executions keep their history without a group.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SendenseProtectionGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveSendenseProtectionGroupCommand : ProtectionGroupCmdlet
{
    /// <summary>The group: a name, an id, or a ProtectionGroup object from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("GroupId", "Identity")]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public ProtectionGroupIdentity Group { get; set; } = null!;

    /// <summary>Removes the group even when it has members or a running schedule execution.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection hub = ResolveHub();
        if (!ResolveGroups(hub, new[] { Group }, terminating: false).TryGetValue(Group, out ProtectionGroup? group))
        {
            return;
        }

        string action = group.MemberCount > 0 && Force.IsPresent
            ? $"Remove protection group and its {Count(group.MemberCount, "membership")} (the VMs stay managed)"
            : "Remove protection group";
        if (!ShouldProcess(group.Name, action))
        {
            return;
        }

        int removedMembers;
        try
        {
            removedMembers = Await(token => ProtectionGroupEngine.RemoveAsync(hub, group, Force.IsPresent, token));
        }
        catch (SendenseException exception)
        {
            WriteSendenseError(exception, Group);
            return;
        }

        WriteVerbose(removedMembers == 0
            ? $"Removed protection group '{group.Name}' (id {group.Id})."
            : $"Removed protection group '{group.Name}' (id {group.Id}) and its {Count(removedMembers, "membership")}.");
    }
}
