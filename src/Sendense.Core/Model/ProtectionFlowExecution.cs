namespace Sendense;

/// <summary>One run of a protection flow (a row of protection_flow_executions), as the hub's engine wrote it. Read only.</summary>
public sealed class ProtectionFlowExecution
{
    /// <summary>The execution id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The flow's id.</summary>
    public string FlowId { get; set; } = string.Empty;

    /// <summary>The flow's name.</summary>
    public string FlowName { get; set; } = string.Empty;

    /// <summary>pending, running, success, warning, error or cancelled.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>scheduled, manual or api.</summary>
    public string ExecutionType { get; set; } = string.Empty;

    /// <summary>Backup jobs the run started.</summary>
    public int JobsCreated { get; set; }

    /// <summary>Jobs that completed.</summary>
    public int JobsCompleted { get; set; }

    /// <summary>Jobs that failed.</summary>
    public int JobsFailed { get; set; }

    /// <summary>Machines skipped (their context was gone).</summary>
    public int JobsSkipped { get; set; }

    /// <summary>Machines the run looked at.</summary>
    public int VMsProcessed { get; set; }

    /// <summary>bytes_transferred.</summary>
    public long BytesTransferred { get; set; }

    /// <summary>started_at (hub server time).</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>completed_at (hub server time); null while it runs.</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>execution_time_seconds.</summary>
    public int? ExecutionTimeSeconds { get; set; }

    /// <summary>error_message.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>triggered_by.</summary>
    public string? TriggeredBy { get; set; }

    /// <summary>created_at (hub server time).</summary>
    public DateTime? CreatedAt { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{FlowName} {Status}";
}
