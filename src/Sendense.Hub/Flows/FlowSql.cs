namespace Sendense.Hub.Flows;

/// <summary>
/// The SQL of <see cref="FlowStore"/>. protection_flows and protection_flow_executions are utf8mb4_unicode_ci, every
/// other hub table utf8mb4_general_ci (contract §1.5), so every comparison of a flow column with another table's
/// column converts the flow side with COLLATE utf8mb4_general_ci (the other side keeps its index). Bound values
/// need nothing: a literal takes the column's collation. Column aliases are the model's property names (Dapper).
/// </summary>
internal static class FlowSql
{
    /// <summary>
    /// Flows with the names of what they point at, machine count and last execution in one query. Append a WHERE
    /// clause and <see cref="FlowOrder"/>.
    /// </summary>
    internal const string SelectFlows = @"SELECT f.id AS Id, f.name AS Name, f.description AS Description, f.flow_type AS FlowType,
  f.target_type AS TargetType, f.target_id AS TargetId,
  CASE WHEN f.target_type = 'vm' THEN c.vm_name ELSE g.name END AS TargetName,
  f.repository_id AS RepositoryId, r.name AS RepositoryName, f.policy_id AS PolicyId, p.name AS PolicyName,
  f.schedule_id AS ScheduleId, s.name AS ScheduleName, s.cron_expression AS ScheduleCron,
  CAST(COALESCE(f.enabled <> 0, 0) AS SIGNED) AS Enabled,
  CAST(CASE WHEN f.target_type = 'vm' THEN c.context_id IS NOT NULL ELSE COALESCE(mc.n, 0) END AS SIGNED) AS MachineCount,
  f.last_execution_id AS LastExecutionId, f.last_execution_status AS LastExecutionStatus, f.last_execution_time AS LastExecutionTime,
  f.next_execution_time AS NextExecutionTime, COALESCE(f.total_executions, 0) AS TotalExecutions,
  COALESCE(f.successful_executions, 0) AS SuccessfulExecutions, COALESCE(f.failed_executions, 0) AS FailedExecutions,
  f.created_at AS CreatedAt, f.updated_at AS UpdatedAt, f.created_by AS CreatedBy
FROM protection_flows f
LEFT JOIN vm_replication_contexts c ON f.target_type = 'vm' AND c.context_id = f.target_id COLLATE utf8mb4_general_ci
LEFT JOIN vm_machine_groups g ON f.target_type = 'group' AND g.id = f.target_id COLLATE utf8mb4_general_ci
LEFT JOIN (SELECT group_id, COUNT(*) AS n FROM vm_group_memberships WHERE enabled <> 0 GROUP BY group_id) mc
  ON f.target_type = 'group' AND mc.group_id = f.target_id COLLATE utf8mb4_general_ci
LEFT JOIN backup_repositories r ON r.id = f.repository_id COLLATE utf8mb4_general_ci
LEFT JOIN backup_policies p ON p.id = f.policy_id COLLATE utf8mb4_general_ci
LEFT JOIN replication_schedules s ON s.id = f.schedule_id COLLATE utf8mb4_general_ci";

    internal const string FlowOrder = " ORDER BY f.name, f.id";

    /// <summary>The name column as the one Wildcard compares (utf8mb4_general_ci), for -Name patterns.</summary>
    internal const string NameForPatterns = "(f.name COLLATE utf8mb4_general_ci)";

    /// <summary>Flows reaching VMs through any membership of their target group; {0} is the context id list.</summary>
    internal const string ReachesThroughGroup =
        "(f.target_type = 'group' AND EXISTS (SELECT 1 FROM vm_group_memberships fm WHERE fm.group_id = f.target_id COLLATE utf8mb4_general_ci AND fm.vm_context_id IN {0}))";

    /// <summary>
    /// The machines of flows as the engine resolves them (a VM target as is; a group's enabled memberships), with disks
    /// and completed backups in the flow's repository. Backups match by context id, not by vm_name as the hub's GUI
    /// does (contract §5.9: same-named VMs on two vCenters would share counts). {0} is the flow WHERE clause.
    /// </summary>
    internal const string SelectMembers = @"SELECT f.id AS FlowId, f.name AS FlowName, c.context_id AS ContextId, c.vm_name AS Name,
  c.vcenter_host AS VCenter, c.datacenter AS Datacenter, c.power_state AS PowerState, c.os_type AS OsType, c.cpu_count AS NumCpu,
  c.memory_mb AS MemoryMB, COALESCE(d.n, 0) AS DiskCount, CAST(COALESCE(d.gb, 0) AS SIGNED) AS DiskSizeGB,
  COALESCE(bj.n, 0) AS BackupCount, CAST(COALESCE(bj.bytes, 0) AS SIGNED) AS BackupBytes, bj.last_backup AS LastBackup
FROM protection_flows f
JOIN (SELECT f1.id AS flow_id, f1.target_id COLLATE utf8mb4_general_ci AS ctx FROM protection_flows f1 WHERE f1.target_type = 'vm'
      UNION ALL
      SELECT f2.id, m.vm_context_id FROM protection_flows f2
      JOIN vm_group_memberships m ON m.group_id = f2.target_id COLLATE utf8mb4_general_ci AND m.enabled <> 0
      WHERE f2.target_type = 'group') t ON t.flow_id = f.id
JOIN vm_replication_contexts c ON c.context_id = t.ctx
LEFT JOIN (SELECT vm_context_id, COUNT(*) AS n, SUM(size_gb) AS gb FROM vm_disks GROUP BY vm_context_id) d ON d.vm_context_id = c.context_id
LEFT JOIN (SELECT vm_context_id, repository_id, COUNT(*) AS n, SUM(COALESCE(bytes_transferred, 0)) AS bytes,
                  MAX(COALESCE(completed_at, created_at)) AS last_backup
           FROM backup_jobs WHERE status = 'completed' AND id NOT LIKE '%-disk%' GROUP BY vm_context_id, repository_id) bj
  ON bj.vm_context_id = c.context_id AND bj.repository_id = f.repository_id COLLATE utf8mb4_general_ci
{0}
ORDER BY f.name, c.vm_name, c.vcenter_host";

    /// <summary>Executions, the newest {1} per flow first; {0} is the flow WHERE clause (over alias e).</summary>
    internal const string SelectExecutions = @"SELECT x.* FROM (
  SELECT e.id AS Id, e.flow_id AS FlowId, f.name AS FlowName, e.status AS Status, e.execution_type AS ExecutionType,
    COALESCE(e.jobs_created, 0) AS JobsCreated, COALESCE(e.jobs_completed, 0) AS JobsCompleted, COALESCE(e.jobs_failed, 0) AS JobsFailed,
    COALESCE(e.jobs_skipped, 0) AS JobsSkipped, COALESCE(e.vms_processed, 0) AS VMsProcessed, COALESCE(e.bytes_transferred, 0) AS BytesTransferred,
    e.started_at AS StartedAt, e.completed_at AS CompletedAt, e.execution_time_seconds AS ExecutionTimeSeconds, e.error_message AS ErrorMessage,
    e.triggered_by AS TriggeredBy, e.created_at AS CreatedAt,
    ROW_NUMBER() OVER (PARTITION BY e.flow_id ORDER BY COALESCE(e.started_at, e.created_at) DESC, e.created_at DESC, e.id) AS Nth
  FROM protection_flow_executions e JOIN protection_flows f ON f.id = e.flow_id {0}) x
WHERE x.Nth <= {1} ORDER BY x.FlowName, x.Nth";

    /// <summary>Repositories with the number of flows writing to them. Append WHERE and ORDER.</summary>
    internal const string SelectRepositories = @"SELECT r.id AS Id, r.name AS Name, r.repository_type AS Type,
  CAST(COALESCE(r.enabled <> 0, 0) AS SIGNED) AS Enabled, CAST(COALESCE(r.is_immutable <> 0, 0) AS SIGNED) AS IsImmutable,
  COALESCE(r.total_size_bytes, 0) AS TotalSizeBytes, COALESCE(r.used_size_bytes, 0) AS UsedSizeBytes,
  COALESCE(r.available_size_bytes, 0) AS AvailableSizeBytes, r.last_check_at AS LastCheckAt, r.created_at AS CreatedAt,
  COALESCE(fc.n, 0) AS FlowCount
FROM backup_repositories r
LEFT JOIN (SELECT repository_id COLLATE utf8mb4_general_ci AS rid, COUNT(*) AS n FROM protection_flows GROUP BY repository_id) fc ON fc.rid = r.id";

    /// <summary>Policies with their primary repository's name. Append WHERE and ORDER.</summary>
    internal const string SelectPolicies = @"SELECT p.id AS Id, p.name AS Name, CAST(COALESCE(p.enabled <> 0, 0) AS SIGNED) AS Enabled,
  p.primary_repository_id AS PrimaryRepositoryId, r.name AS PrimaryRepositoryName, COALESCE(p.retention_days, 0) AS RetentionDays,
  p.created_at AS CreatedAt
FROM backup_policies p LEFT JOIN backup_repositories r ON r.id = p.primary_repository_id";

    /// <summary>The candidate VMs of references. Append the WHERE clause.</summary>
    internal const string SelectVMKeys = "SELECT context_id AS ContextId, vm_name AS Name, vcenter_host AS VCenter FROM vm_replication_contexts";

    /// <summary>Groups with membership counts; {0} is the WHERE clause.</summary>
    internal const string SelectGroupKeys = @"SELECT g.id AS Id, g.name AS Name, COUNT(m.id) AS Members,
  CAST(COALESCE(SUM(m.enabled <> 0), 0) AS SIGNED) AS EnabledMembers
FROM vm_machine_groups g LEFT JOIN vm_group_memberships m ON m.group_id = g.id {0} GROUP BY g.id, g.name";

    /// <summary>A repository, policy or schedule by id or name, then some names that exist; {0} is the table.</summary>
    internal const string SelectReference =
        "SELECT id AS Id, name AS Name, CAST(COALESCE(enabled <> 0, 0) AS SIGNED) AS Enabled FROM {0} WHERE id = @{1} OR name = @{1};" +
        "SELECT name FROM {0} ORDER BY name LIMIT 11";

    /// <summary>Flows holding names (as protection_flows compares them); the list follows.</summary>
    internal const string SelectFlowsNamed = "SELECT id AS Id, name AS Name FROM protection_flows WHERE name IN ";

    /// <summary>Contract §2.2's row, every column given: type backup, no destination, 'pending', zero counters, hub-local NOW().</summary>
    internal const string InsertHead = @"INSERT INTO protection_flows (name, description, flow_type, target_type, target_id, repository_id, policy_id,
  destination_type, destination_config, schedule_id, enabled, last_execution_id, last_execution_status, last_execution_time, next_execution_time,
  total_executions, successful_executions, failed_executions, created_at, updated_at, created_by) VALUES ";

    /// <summary>One row of <see cref="InsertHead"/>; {0} is the row's parameter suffix.</summary>
    internal const string InsertRow =
        "(@n{0}, @d{0}, 'backup', @t{0}, @i{0}, @r{0}, @p{0}, NULL, NULL, @s{0}, @e{0}, NULL, 'pending', NULL, NULL, 0, 0, 0, NOW(), NOW(), @b{0})";

    /// <summary>MariaDB 10.5+: the ids uuid() generated.</summary>
    internal const string Returning = " RETURNING id, name";

    /// <summary>Locks the flow and reads what makes a delete unsafe (the executions locked too: a run cannot start in between).</summary>
    internal const string CheckFlowForDelete =
        "SELECT id FROM protection_flows WHERE id = @id FOR UPDATE;" +
        "SELECT COUNT(*) AS Executions, CAST(COALESCE(SUM(status = 'running'), 0) AS SIGNED) AS Running FROM protection_flow_executions WHERE flow_id = @id FOR UPDATE";

    /// <summary>Contract §6.9: executions first, then the flow.</summary>
    internal const string DeleteFlow = "DELETE FROM protection_flow_executions WHERE flow_id = @id; DELETE FROM protection_flows WHERE id = @id";

    /// <summary>Completion; {0} table, {1} the name predicate.</summary>
    internal const string CompleteNames = "SELECT name FROM {0} WHERE {1} ORDER BY name LIMIT @limit";

    /// <summary>Where each context is (vCenter, datacenter), for the summary; its protection facts come in the next statement.</summary>
    internal const string SelectContextPlaces = "SELECT c.context_id, c.vcenter_host, c.datacenter FROM vm_replication_contexts c";
}
