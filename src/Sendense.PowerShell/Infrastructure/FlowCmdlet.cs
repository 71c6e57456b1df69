using Sendense.Core.Flows;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the protection flow cmdlets: the flow use cases (<see cref="FlowService"/>) over the hub of this
/// invocation, run through <see cref="SendenseCmdlet.RunEach{T}"/>. A use case that refuses particular inputs puts
/// them in its exception's Target, so the error record names them.
/// </summary>
public abstract class FlowCmdlet : HubCmdlet
{
    /// <summary>Runs a use case that reports one outcome per input.</summary>
    protected void RunFlows<T>(Func<FlowService, IOutcomeObserver<T>, CancellationToken, Task> work, object? target)
    {
        FlowService service = Services.Flows(ResolveHub());
        RunEach<T>((observer, token) => work(service, observer, token), target);
    }
}
