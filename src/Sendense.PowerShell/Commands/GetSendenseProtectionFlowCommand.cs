using Sendense.Core.Flows;
using Sendense.Core.Groups;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets protection flows with their target, repository, policy and schedule names, machine count and last execution.</para>
/// <para type="description">Reads protection_flows in one query (collation-safe: the flow table's utf8mb4_unicode_ci
/// meets the hub's utf8mb4_general_ci with an explicit COLLATE), ordered by name. -Name takes wildcards; -VM finds the
/// flows that reach a VM directly or through a group it is in; piped VMs and groups filter the same way.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionFlow", DefaultParameterSetName = ParameterSets.Name)]
[OutputType(typeof(ProtectionFlow))]
public sealed class GetSendenseProtectionFlowCommand : FlowTargetCmdlet
{
    /// <summary>Flow names; wildcards allowed.</summary>
    [Parameter(Position = 0, ParameterSetName = ParameterSets.Name)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ProtectionFlowNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Flow ids.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Id)]
    [ValidateNotNullOrEmpty]
    [Alias("FlowId")]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>Only flows that reach these VMs (objects, context ids or names); piped Sendense.ProtectionGroup objects filter by group.</summary>
    [Parameter(ValueFromPipeline = true)]
    [Alias("InputObject")]
    public PSObject[] VM { get; set; } = Array.Empty<PSObject>();

    /// <summary>Only flows whose target is one of these groups (objects, names or ids).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public PSObject[] ProtectionGroup { get; set; } = Array.Empty<PSObject>();

    /// <summary>Only flows to these repositories (names or ids).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BackupRepositoryNameCompleter))]
    public string[] Repository { get; set; } = Array.Empty<string>();

    /// <summary>Only enabled ($true) or disabled ($false) flows.</summary>
    [Parameter]
    public bool Enabled { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<PSObject?>? VMArgument => VM;

    /// <inheritdoc />
    protected override IEnumerable<PSObject?>? GroupArgument => ProtectionGroup;

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        IReadOnlyList<FlowTargetReference> targets = CollectTargets();
        var query = new FlowQuery
        {
            Names = Name,
            Ids = Id,
            VMs = targets.Where(t => t.Kind == FlowTargetKind.VM).Select(t => t.VM!).ToList<VMReference>(),
            Groups = targets.Where(t => t.Kind == FlowTargetKind.Group).ToList(),
            Repositories = Repository,
            Enabled = GivenParameters.Value(this, nameof(Enabled), Enabled),
        };
        RunFlows<ProtectionFlow>((flows, observer, token) => flows.GetFlowsAsync(query, observer, token), Name);
    }
}
