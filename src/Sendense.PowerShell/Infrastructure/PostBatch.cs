namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Posts made one after another (outcomes, -Verbose lines, progress), handed to the pipeline thread as one piece: a
/// use case that reports 10,000 outcomes or "unchanged" lines in a loop would otherwise wake the pipeline thread
/// 10,000 times. Producers add while the batch is open; the pipeline thread seals it when it gets to it and runs what
/// it holds, in order, so a later post starts a new batch.
/// </summary>
internal sealed class PostBatch
{
    private readonly List<Action<SendenseCmdlet>> _posts;
    private readonly int _capacity;
    private bool _sealed;

    internal PostBatch(Action<SendenseCmdlet> first, int capacity)
    {
        _posts = new List<Action<SendenseCmdlet>> { first };
        _capacity = capacity;
    }

    /// <summary>Adds the post unless the batch is full or already being run.</summary>
    internal bool TryAdd(Action<SendenseCmdlet> post)
    {
        lock (_posts)
        {
            if (_sealed || _posts.Count >= _capacity)
            {
                return false;
            }

            _posts.Add(post);
            return true;
        }
    }

    /// <summary>Closes the batch to producers and runs what it holds (pipeline thread).</summary>
    internal void Run(SendenseCmdlet cmdlet)
    {
        Action<SendenseCmdlet>[] posts;
        lock (_posts)
        {
            _sealed = true;
            posts = _posts.ToArray();
        }

        foreach (Action<SendenseCmdlet> post in posts)
        {
            post(cmdlet);
        }
    }
}
