namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// The bridge's queue: bounded, first in first out, and its waits block without spinning. BlockingCollection's waits
/// (SemaphoreSlim) spin before they block; the pipeline thread spends most of a run waiting for the database or a
/// vCenter, so each of its waits spun for nothing while the worker it waited for wanted the core. Measured on the
/// 10,000-VM add on 2 cores: about 0.3 s of CPU per add went to that spinning (docs/benchmarks.md).
/// </summary>
/// <typeparam name="T">What is posted.</typeparam>
internal sealed class PostQueue<T>
{
    private readonly Queue<T> _items = new Queue<T>();
    private readonly int _capacity;
    private bool _completed;

    internal PostQueue(int capacity) => _capacity = capacity;

    /// <summary>Adds the item, waiting while the queue is full; false when it was completed or the wait cancelled.</summary>
    internal bool TryAdd(T item, CancellationToken cancellationToken)
    {
        var waker = new Waker(this, cancellationToken);
        try
        {
            lock (_items)
            {
                while (_items.Count >= _capacity && !_completed)
                {
                    if (!waker.Wait())
                    {
                        return false;
                    }
                }

                if (_completed)
                {
                    return false;
                }

                _items.Enqueue(item);
                if (_items.Count == 1)
                {
                    // Only the consumer waits on an empty queue.
                    Monitor.PulseAll(_items);
                }

                return true;
            }
        }
        finally
        {
            waker.Dispose();
        }
    }

    /// <summary>Takes the next item, waiting while the queue is empty; false once it is completed and empty.</summary>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    internal bool TryTake(out T item, CancellationToken cancellationToken)
    {
        var waker = new Waker(this, cancellationToken);
        try
        {
            lock (_items)
            {
                while (_items.Count == 0 && !_completed)
                {
                    if (!waker.Wait())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }

                if (_items.Count == 0)
                {
                    item = default!;
                    return false;
                }

                item = _items.Dequeue();
                if (_items.Count == _capacity - 1)
                {
                    // Producers wait only on a full queue.
                    Monitor.PulseAll(_items);
                }

                return true;
            }
        }
        finally
        {
            waker.Dispose();
        }
    }

    /// <summary>No more items will be added; the consumer takes what is left, then stops.</summary>
    internal void Complete()
    {
        lock (_items)
        {
            _completed = true;
            Monitor.PulseAll(_items);
        }
    }

    private void PulseAll()
    {
        lock (_items)
        {
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>
    /// One wait's cancellation: registered only when a wait is needed (most posts never wait), and disposed by the
    /// caller after it has left the lock, because disposing waits for a running callback, which takes the lock.
    /// </summary>
    private struct Waker : IDisposable
    {
        private readonly PostQueue<T> _queue;
        private readonly CancellationToken _cancellationToken;
        private CancellationTokenRegistration _registration;
        private bool _registered;

        internal Waker(PostQueue<T> queue, CancellationToken cancellationToken)
        {
            _queue = queue;
            _cancellationToken = cancellationToken;
            _registration = default;
            _registered = false;
        }

        /// <summary>Waits for a pulse (called holding the lock); false when cancelled.</summary>
        internal bool Wait()
        {
            if (!_registered)
            {
                PostQueue<T> queue = _queue;
                _registration = _cancellationToken.Register(queue.PulseAll);
                _registered = true;
            }

            if (_cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            Monitor.Wait(_queue._items);
            return !_cancellationToken.IsCancellationRequested;
        }

        public void Dispose() => _registration.Dispose();
    }
}
