namespace Sendense.Core.Common;

/// <summary>
/// One progress bar's state. <see cref="Id"/> tells bars apart; a child bar (one vCenter of several) names its parent.
/// </summary>
public sealed class OperationProgress
{
    /// <summary>Creates a progress update.</summary>
    public OperationProgress(int id, string activity, string status)
    {
        Id = id;
        Activity = activity;
        Status = status;
    }

    /// <summary>Which bar.</summary>
    public int Id { get; }

    /// <summary>The parent bar's id, or -1 for a top-level bar.</summary>
    public int ParentId { get; init; } = -1;

    /// <summary>What is being done ("Adding VMs to hub ...").</summary>
    public string Activity { get; }

    /// <summary>Where it stands ("2,000 of 10,000 VMs").</summary>
    public string Status { get; }

    /// <summary>0-100, or null when the total is not known.</summary>
    public int? Percent { get; init; }

    /// <summary>True when the bar is done and should disappear.</summary>
    public bool Completed { get; init; }
}
