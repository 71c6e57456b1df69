namespace Sendense.Core.VMs;

/// <summary>What to do with one candidate.</summary>
public enum VMAddAction
{
    /// <summary>Insert a new context and its disks.</summary>
    Add,

    /// <summary>Update the managed context's descriptive columns and add or update its job-less disks.</summary>
    Refresh,

    /// <summary>Already managed, nothing differs.</summary>
    Unchanged,

    /// <summary>The same VM appears earlier in the input; this one shares that one's outcome.</summary>
    SameAsEarlier,

    /// <summary>Not written; <see cref="VMAddDecision.Error"/> says why.</summary>
    Failed,
}

/// <summary>The planner's decision for one candidate.</summary>
public sealed class VMAddDecision
{
    internal VMAddDecision(VMAddCandidate candidate, VMAddAction action)
    {
        Candidate = candidate;
        Action = action;
    }

    /// <summary>The validated input.</summary>
    public VMAddCandidate Candidate { get; }

    /// <summary>What to do.</summary>
    public VMAddAction Action { get; internal set; }

    /// <summary>The context id: the new one for Add, the managed one otherwise.</summary>
    public string ContextId { get; internal set; } = string.Empty;

    /// <summary>
    /// The database clock when the decision was made. A new context's id carries this second, and its created_at,
    /// updated_at and last_status_change are written with it, so the id and the timestamps always agree.
    /// </summary>
    public DateTime PlannedAt { get; internal set; }

    /// <summary>The managed row for Refresh and Unchanged.</summary>
    public ExistingContext? Existing { get; internal set; }

    /// <summary>For Refresh: the context columns that change (empty when only disks change).</summary>
    public IReadOnlyList<string> ChangedColumns { get; internal set; } = Array.Empty<string>();

    /// <summary>Disks to insert (all disks for Add, new ones for Refresh).</summary>
    public IReadOnlyList<HubDiskValues> NewDisks { get; internal set; } = Array.Empty<HubDiskValues>();

    /// <summary>For Refresh: job-less disk rows whose values change, by row id.</summary>
    public IReadOnlyList<KeyValuePair<long, HubDiskValues>> UpdatedDisks { get; internal set; } = Array.Empty<KeyValuePair<long, HubDiskValues>>();

    /// <summary>For Refresh (Update-SendenseVM): job-less disk rows of disks gone from vCenter, by row id, to delete.</summary>
    public IReadOnlyList<long> VanishedDisks { get; internal set; } = Array.Empty<long>();

    /// <summary>For Refresh: disks gone from vCenter whose rows a job owns (job_id set): kept, and reported.</summary>
    public IReadOnlyList<ExistingDisk> KeptDisks { get; internal set; } = Array.Empty<ExistingDisk>();

    /// <summary>The credential id to record (Add), or to set when it differs (Refresh); null leaves it.</summary>
    public int? CredentialId { get; internal set; }

    /// <summary>For SameAsEarlier: the index of the candidate whose outcome this one shares.</summary>
    public int? SameAs { get; internal set; }

    /// <summary>For Failed: why.</summary>
    public SendenseException? Error { get; internal set; }

    /// <summary>True when the decision writes something.</summary>
    public bool Writes => Action is VMAddAction.Add or VMAddAction.Refresh;

    /// <summary>A one-line description for -WhatIf and verbose output.</summary>
    public string Describe() => Action switch
    {
        VMAddAction.Add => $"Add as {ContextId} with {NewDisks.Count} disk(s)",
        VMAddAction.Refresh => "Refresh " + ContextId + " (" + string.Join(", ", Changes()) + ")",
        VMAddAction.Unchanged => $"Leave {ContextId} unchanged",
        VMAddAction.SameAsEarlier => "Same VM as an earlier input",
        _ => Error?.Message ?? "Failed",
    };

    private IEnumerable<string> Changes()
    {
        foreach (string column in ChangedColumns)
        {
            yield return column;
        }

        if (NewDisks.Count > 0)
        {
            yield return $"{NewDisks.Count} new disk(s)";
        }

        if (UpdatedDisks.Count > 0)
        {
            yield return $"{UpdatedDisks.Count} changed disk(s)";
        }

        if (VanishedDisks.Count > 0)
        {
            yield return $"{VanishedDisks.Count} vanished disk(s) removed";
        }
    }
}
