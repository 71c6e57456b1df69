using Sendense.Core.VMs;

namespace Sendense.Hub.VMs;

/// <summary>A batch's decisions and the one transaction (as SQL text) that writes them, built ahead of sending.</summary>
public sealed class VMAddWrite
{
    internal VMAddWrite(IReadOnlyList<VMAddDecision> decisions, string? sql, DateTime writtenAt)
    {
        Decisions = decisions;
        Sql = sql;
        WrittenAt = writtenAt;
    }

    /// <summary>The decisions, in input order.</summary>
    public IReadOnlyList<VMAddDecision> Decisions { get; }

    /// <summary>START TRANSACTION ... COMMIT; null when nothing is written.</summary>
    internal string? Sql { get; }

    /// <summary>The database time written into refreshed rows.</summary>
    internal DateTime WrittenAt { get; }
}
