using Sendense.Core.Flows;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the execution history of protection flows, newest first.</para>
/// <para type="description">Reads protection_flow_executions as the hub's engine wrote them: status, jobs created,
/// completed, failed and skipped, machines processed, bytes, times and errors; the newest -Last (default 10) per flow.
/// Read only: starting a flow is the hub's job, through its REST API (POST /api/v1/protection-flows/{id}/execute).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionFlowExecution")]
[OutputType(typeof(ProtectionFlowExecution))]
public sealed class GetSendenseProtectionFlowExecutionCommand : FlowCmdlet
{
    private readonly List<FlowIdentity> _flows = new List<FlowIdentity>();

    /// <summary>The flows: Sendense.ProtectionFlow objects, names or ids; every flow when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [Alias("InputObject")]
    [ArgumentCompleter(typeof(ProtectionFlowNameCompleter))]
    public PSObject[] Flow { get; set; } = Array.Empty<PSObject>();

    /// <summary>How many of each flow's newest executions (1-100000, default 10).</summary>
    [Parameter]
    [ValidateRange(1, 100000)]
    public int Last { get; set; } = 10;

    /// <inheritdoc />
    protected override void ProcessRecord() => FlowInput.CollectFlows(Flow, _flows);

    /// <inheritdoc />
    protected override void EndProcessing() =>
        RunFlows<ProtectionFlowExecution>((flows, observer, token) => flows.GetExecutionsAsync(_flows, Last, observer, token), Flow);
}
