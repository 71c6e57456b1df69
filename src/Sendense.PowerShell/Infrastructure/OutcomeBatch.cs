namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Outcomes reported one after another, handed to the pipeline thread as one piece: a use case that reports 5,000
/// members in a loop would otherwise wake the pipeline thread 5,000 times. Producers add while the batch is open;
/// the pipeline thread seals it when it gets to it and writes what it holds, so a later outcome starts a new batch.
/// </summary>
/// <typeparam name="T">The object a successful item produces.</typeparam>
internal sealed class OutcomeBatch<T>
{
    private readonly List<Outcome<T>> _outcomes;
    private readonly int _capacity;
    private bool _sealed;

    internal OutcomeBatch(Outcome<T> first, int capacity)
    {
        _outcomes = new List<Outcome<T>> { first };
        _capacity = capacity;
    }

    /// <summary>Adds the outcome unless the batch is full or already being written.</summary>
    internal bool TryAdd(Outcome<T> outcome)
    {
        lock (_outcomes)
        {
            if (_sealed || _outcomes.Count >= _capacity)
            {
                return false;
            }

            _outcomes.Add(outcome);
            return true;
        }
    }

    /// <summary>Closes the batch to producers and returns what it holds (pipeline thread).</summary>
    internal Outcome<T>[] Seal()
    {
        lock (_outcomes)
        {
            _sealed = true;
            return _outcomes.ToArray();
        }
    }
}
