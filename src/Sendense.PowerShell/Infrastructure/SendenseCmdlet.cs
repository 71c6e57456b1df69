using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of every Sendense cmdlet: one cancellation token per invocation (Ctrl+C / StopProcessing cancels it),
/// the single place where async core calls are waited on, a pump that lets background work stream objects and
/// progress through the pipeline thread, and the error-record helpers.
/// </summary>
public abstract class SendenseCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>Cancelled when the user stops the pipeline.</summary>
    protected CancellationToken CancellationToken => _cancellation.Token;

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

    /// <summary>
    /// Runs async work on the thread pool and waits for it. Task.Run keeps continuations off any host
    /// synchronisation context, so blocking here cannot deadlock.
    /// </summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> work)
    {
        CancellationToken token = CancellationToken;
        return Task.Run(() => work(token), token).GetAwaiter().GetResult();
    }

    /// <summary>Runs async work that returns nothing and waits for it.</summary>
    protected void Await(Func<CancellationToken, Task> work)
    {
        CancellationToken token = CancellationToken;
        Task.Run(() => work(token), token).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a background thread while this (the pipeline) thread writes everything it
    /// posts to the sink as it arrives: objects stream out page by page and Write-Progress stays live. PowerShell
    /// allows Write* calls from the pipeline thread only, which is why the work never calls them itself.
    /// </summary>
    protected void Pump(Func<PipelineSink, CancellationToken, Task> work)
    {
        using var sink = new PipelineSink();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, sink.ConsumerGone);
        CancellationToken token = linked.Token;
        Task task = Task.Run(async () =>
        {
            try
            {
                await work(sink, token).ConfigureAwait(false);
            }
            finally
            {
                sink.Complete();
            }
        });

        try
        {
            sink.Drain(this);
        }
        catch
        {
            // The pipeline thread failed or was stopped while writing: end the work before rethrowing.
            sink.Abandon();
            WaitQuietly(task);
            throw;
        }

        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: PowerShell reports the stop itself.
            throw new PipelineStoppedException();
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

    /// <summary>Writes a non-terminating error for one input item; the pipeline goes on.</summary>
    protected void WriteSendenseError(Exception exception, object? target) =>
        WriteError(SendenseErrors.Create(exception, target));

    /// <summary>Stops the command with a terminating error: used when going on makes no sense.</summary>
    [DoesNotReturn]
    protected void ThrowSendenseError(Exception exception, object? target)
    {
        ThrowTerminatingError(SendenseErrors.Create(exception, target));
        throw new InvalidOperationException("unreachable: ThrowTerminatingError returned");
    }
}
