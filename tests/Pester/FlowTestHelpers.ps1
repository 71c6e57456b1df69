# Helpers for the protection flow suites: the group suite's fresh hub database (GroupTestHelpers.ps1) plus backup
# repositories, a schedule and a policy seeded with SQL as the hub's migrations define them.

. (Join-Path $PSScriptRoot 'GroupTestHelpers.ps1')

function Initialize-FlowSuite {
    Initialize-GroupSuite
    Invoke-HubSql @"
INSERT INTO backup_repositories (id, name, repository_type, enabled, config) VALUES
  ('repo-local-1759780081', 'Local', 'local', 1, '{}'), ('repo-nfs-1759780082', 'Retired NFS', 'nfs', 0, '{}');
INSERT INTO backup_policies (id, name, primary_repository_id, retention_days) VALUES ('policy-daily', 'Daily', 'repo-local-1759780081', 14);
INSERT INTO replication_schedules (name, cron_expression) VALUES ('Nightly', '0 2 * * *');
"@ | Out-Null
}

# Every column of the flows of these targets, tab-separated, in name order (the row contract of section 6).
function Get-FlowRow([string[]] $TargetId) {
    $list = ($TargetId | ForEach-Object { "'$_'" }) -join ','
    @(Invoke-HubSql ("SELECT name, IFNULL(description, 'NULL'), flow_type, target_type, target_id, repository_id, IFNULL(policy_id, 'NULL'), " +
        "IFNULL(destination_type, 'NULL'), IFNULL(destination_config, 'NULL'), IFNULL(schedule_id, 'NULL'), enabled, IFNULL(last_execution_id, 'NULL'), " +
        "last_execution_status, IFNULL(last_execution_time, 'NULL'), IFNULL(next_execution_time, 'NULL'), total_executions, successful_executions, " +
        "failed_executions, created_by, id REGEXP '^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-', TIMESTAMPDIFF(SECOND, created_at, NOW()) < 120, created_at = updated_at " +
        "FROM protection_flows WHERE target_id IN ($list) ORDER BY name"))
}
