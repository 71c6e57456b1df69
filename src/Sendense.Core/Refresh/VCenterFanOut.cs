namespace Sendense.Core.Refresh;

/// <summary>
/// Work on several vCenters at once, at most <c>throttle</c> at a time, with one parent progress bar ("k of n
/// vCenters done") whose children are the vCenters' own bars (<see cref="ChildProgressId"/>). Each vCenter's work
/// reports its own failures (one error record naming it), so one dead vCenter never stops the others; only a stop
/// (cancellation) ends the whole fan-out.
/// </summary>
public static class VCenterFanOut
{
    /// <summary>The parent bar's id.</summary>
    public const int ParentProgressId = 0x5E60;

    /// <summary>A runbook host: a handful of vCenters at once, each of which parallelises its own reads.</summary>
    public const int DefaultThrottleLimit = 4;

    /// <summary>The progress id of the <paramref name="index"/>th vCenter's bar (a child of <see cref="ParentProgressId"/>).</summary>
    public static int ChildProgressId(int index) => ParentProgressId + 1 + index;

    /// <summary>Runs <paramref name="work"/> for every target (index, target), bounded by <paramref name="throttle"/>.</summary>
    public static async Task RunAsync<T>(IReadOnlyList<T> targets, int throttle, string activity, IOperationObserver observer,
        Func<T, int, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (targets is null || work is null || observer is null)
        {
            throw new ArgumentNullException(targets is null ? nameof(targets) : work is null ? nameof(work) : nameof(observer));
        }

        if (targets.Count == 1)
        {
            await work(targets[0], -1, cancellationToken).ConfigureAwait(false);
            return;
        }

        int done = 0;
        using var gate = new SemaphoreSlim(Math.Max(1, throttle));
        Report(observer, activity, 0, targets.Count);
        try
        {
            await Task.WhenAll(targets.Select(async (target, index) =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await work(target, index, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                    Report(observer, activity, Interlocked.Increment(ref done), targets.Count);
                }
            })).ConfigureAwait(false);
        }
        finally
        {
            observer.Progress(new OperationProgress(ParentProgressId, activity, "Done") { Completed = true });
        }
    }

    private static void Report(IOperationObserver observer, string activity, int done, int total) =>
        observer.Progress(new OperationProgress(ParentProgressId, activity, $"{done} of {total} vCenters done") { Percent = 100 * done / total });
}
