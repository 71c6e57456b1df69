using System.Collections.Concurrent;
using System.Management.Automation;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// A queue of things to write, filled by background work and emptied on the pipeline thread by
/// <see cref="SendenseCmdlet.Pump"/>. Every method is safe to call from any thread.
/// </summary>
public sealed class PipelineSink : IDisposable
{
    // Bounded so a producer far faster than the pipeline (10k VMs parsed in well under a second) cannot pile up
    // unbounded memory; it waits for the consumer instead.
    private readonly BlockingCollection<Action<Cmdlet>> _queue = new BlockingCollection<Action<Cmdlet>>(4096);

    // Cancelled when the consumer stops early (Select-Object -First, Ctrl+C, an exception while writing) so that a
    // producer blocked on a full queue is released and the background work ends.
    private readonly CancellationTokenSource _consumerGone = new CancellationTokenSource();

    /// <summary>Cancelled when nobody will read what is posted any more.</summary>
    public CancellationToken ConsumerGone => _consumerGone.Token;

    /// <summary>Queues an output object.</summary>
    public void WriteObject(object item) => Add(cmdlet => cmdlet.WriteObject(item));

    /// <summary>Queues a progress record.</summary>
    public void WriteProgress(ProgressRecord record) => Add(cmdlet => cmdlet.WriteProgress(record));

    /// <summary>Queues a verbose message.</summary>
    public void WriteVerbose(string message) => Add(cmdlet => cmdlet.WriteVerbose(message));

    /// <summary>Queues a warning.</summary>
    public void WriteWarning(string message) => Add(cmdlet => cmdlet.WriteWarning(message));

    /// <summary>Queues a non-terminating error.</summary>
    public void WriteError(ErrorRecord record) => Add(cmdlet => cmdlet.WriteError(record));

    internal void Complete() => _queue.CompleteAdding();

    internal void Drain(Cmdlet cmdlet)
    {
        bool completed = false;
        try
        {
            foreach (Action<Cmdlet> action in _queue.GetConsumingEnumerable(_consumerGone.Token))
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

    internal void Abandon() => _consumerGone.Cancel();

    private void Add(Action<Cmdlet> action)
    {
        try
        {
            _queue.Add(action, _consumerGone.Token);
        }
        catch (OperationCanceledException)
        {
            // The consumer is gone: drop the write; the producer observes ConsumerGone and stops.
        }
        catch (InvalidOperationException)
        {
            // Already completed: a late write after the work ended.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _queue.Dispose();
        _consumerGone.Dispose();
    }
}
