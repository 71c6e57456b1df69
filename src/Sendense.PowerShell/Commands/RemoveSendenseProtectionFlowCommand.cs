using Sendense.Core.Flows;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Removes protection flows with their execution history.</para>
/// <para type="description">Deletes each flow's protection_flow_executions rows and then the flow, in one
/// transaction (the hub's own delete leaves the executions behind). A flow with a running execution is refused
/// unless -Force (backup jobs already started keep running). The VMs and groups it pointed at are not touched.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SendenseProtectionFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveSendenseProtectionFlowCommand : OneFlowCmdlet
{
    /// <summary>Removes a flow even while one of its executions is running.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (FlowIdentity identity in InputFlows())
        {
            RunFlows<ProtectionFlow>((flows, observer, token) => flows.RemoveAsync(identity, Force.IsPresent, observer, token), identity.Source);
        }
    }
}
