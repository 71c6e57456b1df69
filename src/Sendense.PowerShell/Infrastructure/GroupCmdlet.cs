using Sendense.Core.Groups;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the protection group cmdlets: the group use cases (<see cref="GroupService"/>) over the hub of this
/// invocation, run through <see cref="SendenseCmdlet.Run{T}"/> or <see cref="SendenseCmdlet.RunEach{T}"/>. One thing
/// is added: when a use case refuses particular inputs (<see cref="GroupInputException"/>: VMs the hub does not
/// manage, a group that does not exist), the error record names those inputs as its TargetObject.
/// </summary>
public abstract class GroupCmdlet : HubCmdlet
{
    /// <summary>Runs a use case that reports one outcome per input; values go to <paramref name="write"/> (else the pipeline).</summary>
    protected void RunGroups<T>(Func<GroupService, IOutcomeObserver<T>, CancellationToken, Task> work, object? target, Action<T>? write = null)
    {
        GroupService service = Service();
        GroupInputException? refused = null;
        RunEach<T>(async (observer, token) =>
        {
            try
            {
                await work(service, observer, token).ConfigureAwait(false);
            }
            catch (GroupInputException exception)
            {
                refused = exception;
            }
        }, target, write);
        ReportRefusal(refused);
    }

    /// <summary>Runs a use case that returns one object, or null when there is nothing to write.</summary>
    protected T? RunGroup<T>(Func<GroupService, IOperationObserver, CancellationToken, Task<T?>> work, object? target)
        where T : class
    {
        GroupService service = Service();
        GroupInputException? refused = null;
        T? result = Run<T?>(async (observer, token) =>
        {
            try
            {
                return await work(service, observer, token).ConfigureAwait(false);
            }
            catch (GroupInputException exception)
            {
                refused = exception;
                return null;
            }
        }, target);
        ReportRefusal(refused);
        return result;
    }

    /// <summary>Adds the references of one -VM argument (an array when given on the command line) to <paramref name="into"/>.</summary>
    internal static void CollectVMs(IEnumerable<PSObject?>? inputs, List<VMReference> into)
    {
        foreach (PSObject? input in inputs ?? Array.Empty<PSObject?>())
        {
            if (VMInput.From(input) is VMReference reference)
            {
                into.Add(reference);
            }
        }
    }

    private GroupService Service() => new GroupService(Services.GroupStore(ResolveHub()));

    // Outside the use case, on the pipeline thread: the error table says whether it stops (it does for these codes).
    private void ReportRefusal(GroupInputException? refused)
    {
        if (refused is not null)
        {
            Report(refused, refused.Inputs);
        }
    }
}
