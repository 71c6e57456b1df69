using Sendense.Core.Groups;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Creates a protection group with the VMs piped to it, in one transaction.</para>
/// <para type="description">Collects every VM from the pipeline (Sendense.VM objects, context ids, or objects with
/// a ContextId or Name property), checks the name, settings, schedule and VMs, then writes the group and all its
/// memberships in one transaction: all of it lands, or nothing does. Outputs the new group. When VMs are given but
/// none arrive (an empty query result, $null, ''), nothing is created unless -AllowEmpty is given.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "SendenseProtectionGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ProtectionGroup))]
public sealed class NewSendenseProtectionGroupCommand : GroupCmdlet
{
    private readonly List<VMReference> _vms = new List<VMReference>();

    /// <summary>The group name: unique in the hub (ignoring case and trailing spaces), at most 255 characters.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>What the group is for (the hub GUI requires one too).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Description { get; set; } = string.Empty;

    /// <summary>How many of the group's VMs the hub replicates at the same time (1-100, default 5).</summary>
    [Parameter]
    [ValidateRange(ProtectionGroupRules.MinConcurrentVMs, ProtectionGroupRules.MaxConcurrentVMs)]
    public int MaxConcurrentVMs { get; set; } = ProtectionGroupRules.DefaultMaxConcurrentVMs;

    /// <summary>Group priority, 0-100 (default 0); a lower number is a higher priority.</summary>
    [Parameter]
    [ValidateRange(ProtectionGroupRules.MinPriority, ProtectionGroupRules.MaxPriority)]
    public int Priority { get; set; } = ProtectionGroupRules.DefaultPriority;

    /// <summary>Name or id of the hub replication schedule the group runs on; none when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ScheduleNameCompleter))]
    public string? Schedule { get; set; }

    /// <summary>Priority of each VM inside the group, 0-100 (default 50, as the hub GUI assigns).</summary>
    [Parameter]
    [ValidateRange(ProtectionGroupRules.MinPriority, ProtectionGroupRules.MaxPriority)]
    public int MemberPriority { get; set; } = ProtectionGroupRules.DefaultMemberPriority;

    /// <summary>The member VMs: Sendense.VM objects, context ids, or objects with a ContextId or Name property.</summary>
    [Parameter(ValueFromPipeline = true)]
    [Alias("InputObject")]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject?[]? VM { get; set; }

    /// <summary>Creates the group even when the VMs given (or piped) turn out to be none.</summary>
    [Parameter]
    public SwitchParameter AllowEmpty { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => CollectVMs(VM, _vms);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var definition = new ProtectionGroupDefinition
        {
            Name = Name,
            Description = Description,
            Schedule = Schedule,
            MaxConcurrentVMs = MaxConcurrentVMs,
            Priority = Priority,
            MemberPriority = MemberPriority,
            Members = _vms,
            MembersGiven = GivenParameters.InputOrAny(this, nameof(VM)),
            AllowEmpty = AllowEmpty.IsPresent,
        };

        if (RunGroup((groups, observer, token) => groups.CreateAsync(definition, observer, token), Name) is ProtectionGroup group)
        {
            WriteObject(group);
        }
    }
}
