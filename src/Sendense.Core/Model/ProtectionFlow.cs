namespace Sendense;

/// <summary>
/// A protection flow of the hub (one row of protection_flows) with the names of what it points at, the number of
/// machines it reaches and its last execution, read in one query. Output of Get- and New-SendenseProtectionFlow; binds
/// by Id to Set-, Remove-, Get-SendenseProtectionFlowMember and Get-SendenseProtectionFlowExecution.
/// </summary>
public sealed class ProtectionFlow
{
    /// <summary>The flow id: a uuid MariaDB generated (uuid(), version 1 text).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The name, unique in the hub (compared as utf8mb4_unicode_ci: case and trailing spaces ignored).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Free text; null when none.</summary>
    public string? Description { get; set; }

    /// <summary>backup (the only type the module writes) or replication.</summary>
    public string FlowType { get; set; } = "backup";

    /// <summary>vm (one managed VM) or group (a protection group's enabled members).</summary>
    public string TargetType { get; set; } = "vm";

    /// <summary>The VM's context id or the group's id.</summary>
    public string TargetId { get; set; } = string.Empty;

    /// <summary>The VM's or group's name; null when the target no longer exists.</summary>
    public string? TargetName { get; set; }

    /// <summary>The backup repository's id.</summary>
    public string? RepositoryId { get; set; }

    /// <summary>The backup repository's name; null when it no longer exists.</summary>
    public string? RepositoryName { get; set; }

    /// <summary>The backup policy's id; null when none.</summary>
    public string? PolicyId { get; set; }

    /// <summary>The backup policy's name.</summary>
    public string? PolicyName { get; set; }

    /// <summary>The replication schedule's id; null when none (the hub does not run flows on it yet).</summary>
    public string? ScheduleId { get; set; }

    /// <summary>The schedule's name.</summary>
    public string? ScheduleName { get; set; }

    /// <summary>The schedule's cron expression.</summary>
    public string? ScheduleCron { get; set; }

    /// <summary>enabled (a NULL reads as false, as the hub's Go code reads it).</summary>
    public bool Enabled { get; set; }

    /// <summary>The machines the hub would back up: 1 for an existing VM, the enabled memberships of a group.</summary>
    public int MachineCount { get; set; }

    /// <summary>The engine's last execution id.</summary>
    public string? LastExecutionId { get; set; }

    /// <summary>The engine's last execution status: pending, running, success, warning or error.</summary>
    public string? LastExecutionStatus { get; set; }

    /// <summary>When the last execution finished (hub server time); null while it runs or if never.</summary>
    public DateTime? LastExecutionTime { get; set; }

    /// <summary>next_execution_time (the hub never computes it today).</summary>
    public DateTime? NextExecutionTime { get; set; }

    /// <summary>The engine's counters.</summary>
    public int TotalExecutions { get; set; }

    /// <summary>Executions that ended in success.</summary>
    public int SuccessfulExecutions { get; set; }

    /// <summary>Executions that ended in error.</summary>
    public int FailedExecutions { get; set; }

    /// <summary>created_at (hub server time).</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>updated_at (hub server time).</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>created_by: 'system' for the hub's API, 'powershell:&lt;user&gt;' for this module.</summary>
    public string? CreatedBy { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
