using Sendense.Core.Flows;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Creates backup protection flows: one per VM or protection group piped to it ("Add to Flow"), in one transaction.</para>
/// <para type="description">Collects the targets (Sendense.VM objects, context ids or VM names; Sendense.ProtectionGroup
/// objects or -ProtectionGroup names), checks that every target, the repository (enabled), the policy and the
/// schedule exist and that the names are free, then writes one protection_flows row per target in one transaction
/// as the hub's API writes it: all land, or nothing does. A group flow backs up the group's enabled members; a group
/// without any is a warning. The module only writes the flow: starting it is the hub's job, through its REST API
/// (POST /api/v1/protection-flows/{id}/execute); the hub does not run flows on their schedule yet.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "SendenseProtectionFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ProtectionFlow))]
public sealed class NewSendenseProtectionFlowCommand : FlowTargetCmdlet
{
    /// <summary>The VMs (Sendense.VM objects, context ids, names) or piped Sendense.ProtectionGroup objects: one flow each.</summary>
    [Parameter(ValueFromPipeline = true)]
    [Alias("InputObject")]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject?[]? VM { get; set; }

    /// <summary>Protection groups (objects, names or ids): one flow each, over the group's enabled members.</summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public PSObject?[]? ProtectionGroup { get; set; }

    /// <summary>The backup repository (name or id); it must be enabled.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BackupRepositoryNameCompleter))]
    public string Repository { get; set; } = string.Empty;

    /// <summary>The flow name, or a template for several targets: {Name}, {VCenter} and {Repository} are replaced. Default '{Name} backup'.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>A backup policy (name or id); none when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BackupPolicyNameCompleter))]
    public string? Policy { get; set; }

    /// <summary>A replication schedule (name or id); none when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ScheduleNameCompleter))]
    public string? Schedule { get; set; }

    /// <summary>What the flow is for.</summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary>Writes the flows disabled (enabled = 0).</summary>
    [Parameter]
    public SwitchParameter Disabled { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<PSObject?>? VMArgument => VM;

    /// <inheritdoc />
    protected override IEnumerable<PSObject?>? GroupArgument => ProtectionGroup;

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var definition = new FlowDefinition
        {
            Name = Name,
            Description = Description,
            Targets = CollectTargets(),
            TargetsGiven = GivenParameters.InputOrAny(this, nameof(VM), nameof(ProtectionGroup)),
            Repository = Repository,
            Policy = Policy,
            Schedule = Schedule,
            Enabled = !Disabled.IsPresent,
        };
        RunFlows<ProtectionFlow>((flows, observer, token) => flows.CreateAsync(definition, observer, token), Name ?? (object)Repository);
    }
}
