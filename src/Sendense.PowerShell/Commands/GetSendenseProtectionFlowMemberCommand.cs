using Sendense.Core.Flows;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the machines a protection flow backs up, as the hub's engine resolves them.</para>
/// <para type="description">A VM flow has its VM (when it still exists); a group flow has the group's enabled
/// memberships only, as the engine and the hub GUI resolve them. Each machine comes with its disk count and size and
/// its completed backups in the flow's repository (count, bytes, last one), all in one query. Without -Flow, the
/// machines of every flow.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionFlowMember")]
[OutputType(typeof(ProtectionFlowMember))]
public sealed class GetSendenseProtectionFlowMemberCommand : FlowCmdlet
{
    private readonly List<FlowIdentity> _flows = new List<FlowIdentity>();

    /// <summary>The flows: Sendense.ProtectionFlow objects, names or ids.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [Alias("InputObject")]
    [ArgumentCompleter(typeof(ProtectionFlowNameCompleter))]
    public PSObject[] Flow { get; set; } = Array.Empty<PSObject>();

    /// <summary>Only machines with these VM names; wildcards allowed.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(VMNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <inheritdoc />
    protected override void ProcessRecord() => FlowInput.CollectFlows(Flow, _flows);

    /// <inheritdoc />
    protected override void EndProcessing() =>
        RunFlows<ProtectionFlowMember>((flows, observer, token) => flows.GetMembersAsync(_flows, Name, observer, token), Flow);
}
