namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the execution history of protection flows, newest first.</para>
/// <para type="description">Reads protection_flow_executions as the hub's engine wrote them: status, jobs created,
/// completed, failed and skipped, machines processed, bytes, times and errors; the newest -Last (default 10) per flow.
/// Read only: starting a flow is the hub's job, through its REST API (POST /api/v1/protection-flows/{id}/execute).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionFlowExecution")]
[OutputType(typeof(ProtectionFlowExecution))]
public sealed class GetSendenseProtectionFlowExecutionCommand : FlowSelectionCmdlet
{
    /// <summary>How many of each flow's newest executions (1-100000, default 10).</summary>
    [Parameter]
    [ValidateRange(1, 100000)]
    public int Last { get; set; } = 10;

    /// <inheritdoc />
    protected override void EndProcessing() =>
        RunFlows<ProtectionFlowExecution>((flows, observer, token) => flows.GetExecutionsAsync(SelectedFlows, Last, observer, token), Flow);
}
