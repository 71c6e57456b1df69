using System.Diagnostics.CodeAnalysis;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of every Sendense cmdlet. A cmdlet binds its parameters, calls one use case through <see cref="Run"/> (or
/// <see cref="RunEach{T}"/> when the use case reports per-item outcomes) and writes what comes back; everything
/// between lives in Sendense.Core. Here, once for all cmdlets:
/// <list type="bullet">
/// <item>the one place that blocks on async work: the use case runs on the thread pool while this thread writes what
/// it reports, so objects stream out and -Confirm questions reach the user while the work waits;</item>
/// <item>one cancellation token per invocation (Ctrl+C cancels it);</item>
/// <item>failures through the one error table (stop or per item), with the input as TargetObject;</item>
/// <item>messages that never make a command fail (<see cref="SafeStreams"/>): the Write* methods below hide the
/// Cmdlet ones, so every cmdlet's warnings and verbose lines go through them.</item>
/// </list>
/// </summary>
public abstract class SendenseCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>Cancelled when the user stops the pipeline.</summary>
    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>Writes a warning that can never turn the command into a failure (see <see cref="SafeStreams"/>).</summary>
    public new void WriteWarning(string text) => SafeStreams.Warning(this, text);

    /// <summary>Writes a verbose line that can never turn the command into a failure.</summary>
    public new void WriteVerbose(string text) => SafeStreams.Verbose(this, text);

    /// <summary>Writes a debug line that can never turn the command into a failure.</summary>
    public new void WriteDebug(string text) => SafeStreams.Debug(this, text);

    /// <summary>Shows a use case's progress as a Write-Progress bar.</summary>
    internal void WriteOperationProgress(OperationProgress progress)
    {
        var record = new ProgressRecord(progress.Id, progress.Activity, progress.Status)
        {
            ParentActivityId = progress.ParentId,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        if (progress.Percent is int percent)
        {
            record.PercentComplete = Math.Max(0, Math.Min(100, percent));
        }

        WriteProgress(record);
    }

    /// <summary>Runs a use case that reports messages, progress and questions, and returns its result.</summary>
    /// <param name="work">The use case.</param>
    /// <param name="target">The TargetObject of an error the use case throws.</param>
    protected T Run<T>(Func<IOperationObserver, CancellationToken, Task<T>> work, object? target)
    {
        T result = default!;
        Pump<object?>((bridge, token) => Capture(work(bridge, token), value => result = value), target, WriteAsItIs);
        return result;
    }

    /// <summary>Runs a use case that returns nothing.</summary>
    protected void Run(Func<IOperationObserver, CancellationToken, Task> work, object? target) =>
        Pump<object?>((bridge, token) => work(bridge, token), target, WriteAsItIs);

    /// <summary>
    /// Runs a use case that reports one outcome per input: values are written (by <paramref name="write"/>, else as
    /// they are), failures become non-terminating error records whose TargetObject is the input.
    /// </summary>
    protected void RunEach<T>(Func<IOutcomeObserver<T>, CancellationToken, Task> work, object? target, Action<T>? write = null) =>
        Pump<T>(work, target, write is null ? WriteAsItIs : (_, value) => write(value));

    /// <summary>A failure the cmdlet itself found: written or thrown as the error table says.</summary>
    protected void Report(SendenseException exception, object? target)
    {
        if (ErrorTable.Stops(exception))
        {
            Stop(exception, target);
        }

        WriteError(ErrorRecords.Create(exception, target));
    }

    /// <summary>Stops the command with a terminating error.</summary>
    [DoesNotReturn]
    protected void Stop(Exception exception, object? target)
    {
        ThrowTerminatingError(ErrorRecords.Create(exception, target));
        throw new PipelineStoppedException(); // ThrowTerminatingError never returns; this satisfies the compiler.
    }

    /// <inheritdoc />
    protected sealed override void StopProcessing()
    {
        _cancellation.Cancel();
        base.StopProcessing();
    }

    /// <summary>PowerShell disposes a cmdlet when its pipeline ends, however it ended (EndProcessing may never run).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the cancellation source.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cancellation.Dispose();
        }
    }

    private static void WriteAsItIs<T>(SendenseCmdlet cmdlet, T value) => cmdlet.WriteObject(value);

    private static async Task Capture<T>(Task<T> task, Action<T> keep) => keep(await task.ConfigureAwait(false));

    // The use case runs on the thread pool; this (the pipeline) thread writes what it reports until it ends.
    private void Pump<T>(Func<IOutcomeObserver<T>, CancellationToken, Task> work, object? target, Action<SendenseCmdlet, T> writeValue)
    {
        using var bridge = new PipelineBridge<T>(writeValue);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, bridge.ConsumerGone);
        CancellationToken token = linked.Token;
        Task task = Task.Run(async () =>
        {
            try
            {
                await work(bridge, token).ConfigureAwait(false);
            }
            finally
            {
                bridge.Complete();
            }
        });

        try
        {
            bridge.Drain(this);
        }
        catch
        {
            // The pipeline thread failed or was stopped while writing: end the work before rethrowing, and show on the
            // host what the work said while it ended (the streams are closed by then).
            bridge.Abandon();
            WaitQuietly(task);
            ShowOnHost(bridge.UndeliveredWarnings);
            throw;
        }

        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            ShowOnHost(bridge.UndeliveredWarnings);
            throw new PipelineStoppedException();
        }
        catch (OperationCanceledException) when (bridge.ConsumerGone.IsCancellationRequested)
        {
            // Downstream stopped reading (Select-Object -First): nothing to report.
        }
        catch (SendenseException exception)
        {
            Report(exception, target);
        }
    }

    private void ShowOnHost(IReadOnlyList<string> warnings)
    {
        foreach (string warning in warnings)
        {
            try
            {
                Host?.UI?.WriteWarningLine(warning);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // No host to show it on.
            }
        }
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The original failure on the pipeline thread is the one to report.
        }
    }
}
