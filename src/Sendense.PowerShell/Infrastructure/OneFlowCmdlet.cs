using Sendense.Core.Flows;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that change the flows of each input (Set- and Remove-SendenseProtectionFlow): the mandatory
/// -Flow parameter, declared once, as OneGroupCmdlet does for groups.
/// </summary>
public abstract class OneFlowCmdlet : FlowCmdlet
{
    /// <summary>The flows: Sendense.ProtectionFlow objects, names or ids.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("InputObject")]
    [ArgumentCompleter(typeof(ProtectionFlowNameCompleter))]
    public PSObject[] Flow { get; set; } = Array.Empty<PSObject>();

    /// <summary>The flows the current pipeline input names.</summary>
    protected List<FlowIdentity> InputFlows()
    {
        var identities = new List<FlowIdentity>();
        FlowInput.CollectFlows(Flow, identities);
        return identities;
    }
}
