namespace Sendense.Core.VMs;

/// <summary>A batch's decisions and the transaction that writes them, built ahead of sending.</summary>
public sealed class VMAddWrite
{
    /// <summary>Creates a prepared write; <paramref name="statement"/> is the store's own form of the transaction.</summary>
    public VMAddWrite(IReadOnlyList<VMAddDecision> decisions, object? statement, DateTime writtenAt)
    {
        Decisions = decisions ?? throw new ArgumentNullException(nameof(decisions));
        Statement = statement;
        WrittenAt = writtenAt;
    }

    /// <summary>The decisions, in input order (those that write nothing ride along for their outcomes).</summary>
    public IReadOnlyList<VMAddDecision> Decisions { get; }

    /// <summary>What the store sends; null when nothing of the batch writes.</summary>
    public object? Statement { get; }

    /// <summary>The database time written into refreshed rows.</summary>
    public DateTime WrittenAt { get; }
}
