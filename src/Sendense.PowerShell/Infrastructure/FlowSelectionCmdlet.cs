using Sendense.Core.Flows;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that read something of a set of flows (Get-SendenseProtectionFlowMember and -Execution): the
/// optional -Flow parameter, declared once, collected from the whole pipeline before the one read.
/// </summary>
public abstract class FlowSelectionCmdlet : FlowCmdlet
{
    /// <summary>The flows: Sendense.ProtectionFlow objects, names or ids; every flow when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [Alias("InputObject")]
    [ArgumentCompleter(typeof(ProtectionFlowNameCompleter))]
    public PSObject[] Flow { get; set; } = Array.Empty<PSObject>();

    /// <summary>The flows named by every input so far.</summary>
    protected List<FlowIdentity> SelectedFlows { get; } = new List<FlowIdentity>();

    /// <inheritdoc />
    protected override void ProcessRecord() => FlowInput.CollectFlows(Flow, SelectedFlows);
}
