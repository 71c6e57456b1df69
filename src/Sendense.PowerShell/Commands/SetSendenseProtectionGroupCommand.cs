using Sendense.Core.Groups;

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
public sealed class SetSendenseProtectionGroupCommand : OneGroupCmdlet
{
    private const string ScheduleSet = "Schedule";
    private const string ClearScheduleSet = "ClearSchedule";

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
        var change = new ProtectionGroupChange
        {
            NewName = NewName,
            SetDescription = GivenParameters.Any(this, nameof(Description)),
            Description = Description,
            Schedule = Schedule,
            ClearSchedule = ClearSchedule.IsPresent,
            MaxConcurrentVMs = MaxConcurrentVMs,
            Priority = Priority,
        };

        RunGroups<ProtectionGroup>((groups, observer, token) => groups.UpdateAsync(Group, change, observer, token), Group, group =>
        {
            if (PassThru.IsPresent)
            {
                WriteObject(group);
            }
        });
    }
}
