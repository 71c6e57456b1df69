using System.Management.Automation;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Changes a protection group's name, description, schedule, concurrency or priority.</para>
/// <para type="description">Renames a group, changes or clears its description and schedule (clearing a schedule
/// is something the hub's own API cannot do), and sets MaxConcurrentVMs and Priority, with the same checks as
/// New-SendenseProtectionGroup. Only values that differ are written.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "SendenseProtectionGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = ScheduleSet)]
[OutputType(typeof(ProtectionGroup))]
public sealed class SetSendenseProtectionGroupCommand : ProtectionGroupCmdlet
{
    private const string ScheduleSet = "Schedule";
    private const string ClearScheduleSet = "ClearSchedule";

    /// <summary>The group: a name, an id, or a ProtectionGroup object from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("GroupId", "Identity")]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public ProtectionGroupIdentity Group { get; set; } = null!;

    /// <summary>A new name (same rules as for a new group).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    /// <summary>A new description; an empty string removes it.</summary>
    [Parameter]
    [AllowEmptyString]
    [AllowNull]
    public string? Description { get; set; }

    /// <summary>Name or id of the replication schedule to run the group on.</summary>
    [Parameter(ParameterSetName = ScheduleSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ScheduleNameCompleter))]
    public string? Schedule { get; set; }

    /// <summary>Takes the group off its schedule.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClearScheduleSet)]
    public SwitchParameter ClearSchedule { get; set; }

    /// <summary>How many of the group's VMs the hub replicates at the same time (1-100).</summary>
    [Parameter]
    [ValidateRange(ProtectionGroupRules.MinConcurrentVMs, ProtectionGroupRules.MaxConcurrentVMs)]
    public int? MaxConcurrentVMs { get; set; }

    /// <summary>Group priority, 0-100; a lower number is a higher priority.</summary>
    [Parameter]
    [ValidateRange(ProtectionGroupRules.MinPriority, ProtectionGroupRules.MaxPriority)]
    public int? Priority { get; set; }

    /// <summary>Writes the changed group to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection hub = ResolveHub();
        if (!ResolveGroups(hub, new[] { Group }, terminating: false).TryGetValue(Group, out ProtectionGroup? group))
        {
            return;
        }

        var change = new ProtectionGroupChange
        {
            NewName = NewName,
            SetDescription = MyInvocation.BoundParameters.ContainsKey(nameof(Description)),
            Description = Description,
            Schedule = Schedule,
            ClearSchedule = ClearSchedule.IsPresent,
            MaxConcurrentVMs = MaxConcurrentVMs,
            Priority = Priority,
        };

        if (change.IsEmpty)
        {
            WriteWarning($"Nothing to change for protection group '{group.Name}': give -NewName, -Description, -Schedule, " +
                "-ClearSchedule, -MaxConcurrentVMs or -Priority.");
            return;
        }

        ProtectionGroupUpdatePlan plan;
        try
        {
            plan = Await(token => ProtectionGroupEngine.PrepareUpdateAsync(hub, group, change, token));
        }
        catch (SendenseException exception)
        {
            WriteSendenseError(exception, Group);
            return;
        }

        if (plan.Changes.Count == 0)
        {
            WriteVerbose($"Protection group '{group.Name}' already has these settings; nothing to change.");
            if (PassThru.IsPresent)
            {
                WriteObject(group);
            }

            return;
        }

        if (!ShouldProcess(group.Name, "Set " + string.Join("; ", plan.Changes)))
        {
            return;
        }

        ProtectionGroup changed;
        try
        {
            changed = Await(token => ProtectionGroupEngine.UpdateAsync(hub, plan, token));
        }
        catch (SendenseException exception)
        {
            WriteSendenseError(exception, Group);
            return;
        }

        WriteVerbose($"Changed protection group '{changed.Name}': {string.Join("; ", plan.Changes)}.");
        if (plan.MaxConcurrentVMs is not null)
        {
            WarnAboutGuiCapacity(changed.Name, changed.MemberCount, changed.MaxConcurrentVMs);
        }

        if (PassThru.IsPresent)
        {
            WriteObject(changed);
        }
    }
}
