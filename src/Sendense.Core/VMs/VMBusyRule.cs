namespace Sendense.Core.VMs;

/// <summary>
/// When a VM is too busy to remove without -Force. Removing a context cascades to its replication jobs, disks,
/// memberships, volumes and backup rows, so a VM is left alone while:
/// <list type="bullet">
/// <item>its current_status says work is in flight: replicating, or failed over (test or live) or awaiting cleanup,
/// where the context is what failback and cleanup need (upstream's conflict detector refuses these states too);</item>
/// <item>any replication job of it (by vm_context_id or as current_job_id) is in one of the states upstream's
/// job recovery and conflict detection treat as active;</item>
/// <item>any backup job of it is pending or running (when the hub has backup_jobs).</item>
/// </list>
/// A current_job_id that points at a finished job does not count: upstream leaves it set after jobs end.
/// </summary>
public static class VMBusyRule
{
    /// <summary>current_status values that mean work is in flight.</summary>
    public static IReadOnlyList<string> BusyStatuses { get; } = new[] { "replicating", "failed_over_test", "failed_over_live", "cleanup_required" };

    /// <summary>replication_jobs.status values upstream treats as active.</summary>
    public static IReadOnlyList<string> ActiveJobStatuses { get; } = new[]
    {
        "pending", "validating", "initializing", "analyzing", "provisioning", "attaching", "configuring", "ready_for_sync", "replicating", "running",
    };

    /// <summary>backup_jobs.status values that mean a backup is queued or running.</summary>
    public static IReadOnlyList<string> ActiveBackupStatuses { get; } = new[] { "pending", "running" };
}
