using System.Collections.Concurrent;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Carries what a use case running on a background thread reports (outcomes, progress, messages, confirmation
/// questions) to the pipeline thread, the only thread PowerShell lets write to the pipeline or ask ShouldProcess.
/// The use case calls it from any thread; <see cref="SendenseCmdlet"/> drains it on the pipeline thread, so objects
/// stream out as they arrive and -Confirm prompts appear while the work waits for the answer.
/// </summary>
/// <typeparam name="T">The object a successful item produces.</typeparam>
internal sealed class PipelineBridge<T> : IOutcomeObserver<T>, IDisposable
{
    // Posts travel in batches of up to BatchSize (see PostBatch). Bounded so a producer far faster than the pipeline
    // (10,000 VMs parsed in well under a second) waits instead of piling up memory: at most QueueSize batches wait,
    // so at most QueueSize x BatchSize (4,096) posts.
    private const int BatchSize = 64;
    private const int QueueSize = 64;
    private readonly PostQueue<Action<SendenseCmdlet>> _queue = new PostQueue<Action<SendenseCmdlet>>(QueueSize);

    // Posts are made under this lock, so the queue holds them in the order they were reported; the open batch takes
    // further posts until the pipeline thread starts running it. The pipeline thread never takes this lock, so a
    // producer may wait for room in the queue while holding it.
    private readonly object _postLock = new object();
    private PostBatch? _openBatch;

    // Cancelled when nobody will read any more (Select-Object -First, Ctrl+C, a failure while writing), so that a
    // producer blocked on a full queue or on a confirmation is released and the work ends.
    private readonly CancellationTokenSource _consumerGone = new CancellationTokenSource();

    // Warnings not yet written: after a stop (Ctrl+C) nothing reaches the pipeline any more, yet what a use case says
    // while it stops (how many VMs had landed) must still be shown; see <see cref="UndeliveredWarnings"/>.
    private readonly ConcurrentDictionary<int, string> _pendingWarnings = new ConcurrentDictionary<int, string>();
    private int _warningCount;

    // How a value is written (as it is, or converted: a PSCredential); a failure always becomes an error record.
    private readonly Action<SendenseCmdlet, T> _writeValue;

    internal PipelineBridge(Action<SendenseCmdlet, T> writeValue) => _writeValue = writeValue;

    /// <summary>Cancelled when nobody will read what is posted any more.</summary>
    internal CancellationToken ConsumerGone => _consumerGone.Token;

    /// <inheritdoc />
    public void Outcome(Outcome<T> outcome) => Post(cmdlet =>
    {
        if (outcome.Error is not null)
        {
            cmdlet.WriteError(ErrorRecords.Create(outcome.Error, outcome.Input));
        }
        else if (outcome.Value is not null)
        {
            _writeValue(cmdlet, outcome.Value);
        }
    });

    // Successes are written as they are, without an Outcome each: a listing of 10,000 VMs wraps none (0.4 MB less).

    /// <inheritdoc />
    public void Successes(IReadOnlyList<T> values) => Post(cmdlet =>
    {
        foreach (T value in values)
        {
            if (value is not null)
            {
                _writeValue(cmdlet, value);
            }
        }
    });

    /// <inheritdoc />
    public void Progress(OperationProgress progress) => Post(cmdlet => cmdlet.WriteOperationProgress(progress));

    /// <inheritdoc />
    public void Verbose(string message) => Post(cmdlet => cmdlet.WriteVerbose(message));

    /// <inheritdoc />
    public void Warning(string message)
    {
        int key = Interlocked.Increment(ref _warningCount);
        _pendingWarnings[key] = message;
        Post(cmdlet =>
        {
            cmdlet.WriteWarning(message);
            _pendingWarnings.TryRemove(key, out _);
        });
    }

    /// <summary>The warnings that were posted but never written, in order (the pipeline stopped first).</summary>
    internal IReadOnlyList<string> UndeliveredWarnings => _pendingWarnings.OrderBy(p => p.Key).Select(p => p.Value).ToList();

    /// <inheritdoc />
    public async Task<IReadOnlyList<bool>> ConfirmAsync(IReadOnlyList<ChangeRequest> changes, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<IReadOnlyList<bool>>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(cmdlet =>
        {
            try
            {
                answer.TrySetResult(changes.Select(change => change.HighImpact
                    ? HighImpactConfirmation.ShouldProcess(cmdlet, change.Target, change.Action)
                    : cmdlet.ShouldProcess(change.Target, change.Action)).ToList());
            }
            catch (Exception exception)
            {
                // A stop (or "No to All" ending the pipeline) while asking: the work must not wait for ever.
                answer.TrySetException(exception);
                throw;
            }
        });

        using CancellationTokenRegistration gone = _consumerGone.Token.Register(() => answer.TrySetCanceled());
        using CancellationTokenRegistration stopped = cancellationToken.Register(() => answer.TrySetCanceled());
        return await answer.Task.ConfigureAwait(false);
    }

    /// <summary>No more posts will come.</summary>
    internal void Complete() => _queue.Complete();

    /// <summary>Runs everything posted, on the calling (pipeline) thread, until the work completes.</summary>
    internal void Drain(SendenseCmdlet cmdlet)
    {
        bool completed = false;
        try
        {
            while (_queue.TryTake(out Action<SendenseCmdlet> action, _consumerGone.Token))
            {
                action(cmdlet);
            }

            completed = true;
        }
        catch (OperationCanceledException) when (_consumerGone.IsCancellationRequested)
        {
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                _consumerGone.Cancel();
            }
        }
    }

    /// <summary>The pipeline thread gave up: release the producer.</summary>
    internal void Abandon() => _consumerGone.Cancel();

    /// <inheritdoc />
    public void Dispose() => _consumerGone.Dispose();

    private void Post(Action<SendenseCmdlet> action)
    {
        lock (_postLock)
        {
            if (_openBatch is not null && _openBatch.TryAdd(action))
            {
                return;
            }

            var batch = new PostBatch(action, BatchSize);
            _openBatch = batch;
            Add(batch.Run);
        }
    }

    // False (the write dropped) when the consumer is gone, which the producer observes through ConsumerGone and
    // stops, or after Complete: a late write after the work ended.
    private void Add(Action<SendenseCmdlet> action) => _queue.TryAdd(action, _consumerGone.Token);
}
