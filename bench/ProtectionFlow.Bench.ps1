<#
.SYNOPSIS
Protection flows at scale, end to end in pwsh: 5,000 ungrouped Sendense.VM objects piped into
New-SendenseProtectionFlow ("Add to Flow": one flow per VM, one transaction), then Get-SendenseVM with protection status
and Get-SendenseProtectionSummary over 10,000 managed VMs (5,000 in 100 groups, half of them on a schedule), 5,000
flows and 20,000 backup jobs. The hub rows are seeded with SQL first, as the hub writes them.
#>
param([Parameter(Mandatory)][string] $ResultPath, [int] $VMs = 10000, [int] $Flows = 5000, [int] $Jobs = 20000, [int] $Runs = 5)
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
Import-Module (Join-Path $repoRoot 'tests/tools/TestRig.psm1')
Import-Module (Get-BenchModulePath)

$db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
try {
    $stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
    $grouped = $VMs - $Flows
    function Sql([string] $Text) { Invoke-RigSql -ConnectionString $db.ConnectionString -Sql $Text }
    Sql @"
INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter, current_status,
  current_job_id, total_jobs_run, successful_jobs, failed_jobs, last_successful_job_id, cpu_count, memory_mb, os_type, power_state,
  vm_tools_version, created_at, updated_at, first_job_at, last_job_at, last_status_change, auto_added, last_scheduled_job_id,
  next_scheduled_at, scheduler_enabled, ossea_config_id, credential_id, last_operation_summary)
SELECT CONCAT('ctx-bench', LPAD(seq, 5, '0'), '-$stamp'), CONCAT('bench', LPAD(seq, 5, '0')), uuid(), CONCAT('/DC', seq % 2, '/vm/bench', LPAD(seq, 5, '0')),
  CONCAT('vc-bench', seq % 2, '.lab'), CONCAT('DC', seq % 2), 'discovered', NULL, 0, 0, 0, NULL, 2, 4096, 'linux', 'poweredOn', 'vmx-19', NOW(), NOW(), NULL, NULL, NOW(),
  1, NULL, NULL, 1, 0, NULL, NULL
FROM seq_1_to_$VMs;
INSERT INTO replication_schedules (name, cron_expression) VALUES ('bench nightly', '0 2 * * *');
INSERT INTO vm_machine_groups (name, description, schedule_id, created_by)
SELECT CONCAT('bench-g', LPAD(seq, 3, '0')), 'benchmark', IF(seq % 2 = 0, (SELECT id FROM replication_schedules WHERE name = 'bench nightly'), NULL), 'machine-group-service'
FROM seq_1_to_100;
INSERT INTO vm_group_memberships (group_id, vm_context_id, enabled, priority, added_at, added_by)
SELECT g.id, CONCAT('ctx-bench', LPAD(s.seq, 5, '0'), '-$stamp'), s.seq % 10 <> 0, 50, NOW(), 'system'
FROM seq_1_to_$grouped s JOIN vm_machine_groups g ON g.name = CONCAT('bench-g', LPAD((s.seq - 1) % 100 + 1, 3, '0'));
INSERT INTO backup_repositories (id, name, repository_type, enabled, config) VALUES ('repo-bench', 'Bench local', 'local', 1, '{}');
INSERT INTO backup_jobs (id, vm_context_id, vm_name, repository_id, backup_type, status, repository_path, bytes_transferred, created_at, completed_at)
SELECT CONCAT('backup-bench', LPAD((seq - 1) % $VMs + 1, 5, '0'), '-', seq), CONCAT('ctx-bench', LPAD((seq - 1) % $VMs + 1, 5, '0'), '-$stamp'),
  CONCAT('bench', LPAD((seq - 1) % $VMs + 1, 5, '0')), 'repo-bench', IF(seq <= $VMs, 'full', 'incremental'), IF(seq % 7 = 0, 'failed', 'completed'),
  '/multi-disk-parent', 1048576, NOW() - INTERVAL seq MINUTE, IF(seq % 7 = 0, NULL, NOW() - INTERVAL seq MINUTE + INTERVAL 5 MINUTE)
FROM seq_1_to_$Jobs;
"@ | Out-Null

    $null = Connect-SendenseHub -ConnectionString $db.ConnectionString
    # What "Add to Flow" pipes: the ungrouped VMs, as Get-SendenseUngroupedVM returns them.
    $ungrouped = @(Get-SendenseUngroupedVM)
    if ($ungrouped.Count -ne $Flows) { throw "Seeded $($ungrouped.Count) ungrouped VMs, expected $Flows." }
    function Assert-Flows {
        $count = [int](Sql "SELECT COUNT(*) FROM protection_flows WHERE target_type = 'vm'")
        if ($count -ne $Flows) { throw "$count flows written, expected $Flows." }
    }
    function Clear-Flows { Sql 'DELETE FROM protection_flows' | Out-Null }

    # The first flow call of the process: loads the flow code and JIT-compiles it (the hub engine is warm from the listing).
    $cold = Measure-Seconds { $ungrouped | New-SendenseProtectionFlow -Repository 'Bench local' -Confirm:$false }
    Assert-Flows
    # A hub's tables have optimizer statistics; tables filled seconds ago may not yet (InnoDB recalculates them in the
    # background), and the plan of the status query depends on them.
    Sql 'ANALYZE TABLE vm_replication_contexts, vm_group_memberships, vm_machine_groups, protection_flows, backup_jobs, backup_repositories' | Out-Null

    # 10,000 VMs, 5,000 flows, 20,000 backup jobs: the status of every VM in one query.
    $all = $null
    $list = foreach ($i in 1..$Runs) { Measure-Seconds { $script:all = @(Get-SendenseVM) } }
    $statuses = $all | Group-Object ProtectionStatus -NoElement
    if ($all.Count -ne $VMs) { throw "Get-SendenseVM returned $($all.Count) VMs, expected $VMs." }
    $protected = @($all | Where-Object ProtectionStatus -EQ 'Protected').Count
    # Direct flows + the enabled memberships of the scheduled (even-numbered) groups, counted as the seed made them.
    $expected = $Flows + @(1..$grouped | Where-Object { (($_ - 1) % 100 + 1) % 2 -eq 0 -and $_ % 10 -ne 0 }).Count
    if ($protected -ne $expected) { throw "$protected protected VMs, expected $expected." }
    $filtered = foreach ($i in 1..$Runs) { Measure-Seconds { $null = Get-SendenseVM -ProtectionStatus Partial } }
    $summary = foreach ($i in 1..$Runs) {
        Measure-Seconds { $s = @(Get-SendenseProtectionSummary); if ((($s | Measure-Object Managed -Sum).Sum) -ne $VMs) { throw 'summary count' } }
    }
    $flowList = foreach ($i in 1..$Runs) { Measure-Seconds { if (@(Get-SendenseProtectionFlow).Count -ne $Flows) { throw 'flow count' } } }
    $statusText = ($statuses | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', '

    # The warm creations last: each deletes 5,000 flows first, and the reads above should not pay for InnoDB's purge of
    # rows no real hub deletes in bulk.
    $warm = foreach ($i in 1..$Runs) {
        Clear-Flows
        $seconds = Measure-Seconds { $ungrouped | New-SendenseProtectionFlow -Repository 'Bench local' -Name "{Name} run $i" -Confirm:$false }
        Assert-Flows
        $seconds
    }
}
finally {
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $db.Name
}

$median = Get-Median $warm
$listMedian = Get-Median $list
$summaryMedian = Get-Median $summary
[pscustomobject]@{
    Title       = 'Protection flows: Add to Flow and protection status at scale'
    Description = "$($Flows.ToString('N0')) ungrouped Sendense.VM objects piped into ``New-SendenseProtectionFlow`` (one flow per VM: one read of targets and repository, one name check, one transaction of multi-row INSERTs of 1,000 rows with RETURNING, the flows read back). Then ``Get-SendenseVM`` (every VM with ProtectionStatus, LastBackup, LastBackupStatus, Flows: one query) and ``Get-SendenseProtectionSummary`` over $($VMs.ToString('N0')) managed VMs ($($grouped.ToString('N0')) in 100 groups, half on a schedule, 10 % of memberships disabled), $($Flows.ToString('N0')) flows and $($Jobs.ToString('N0')) backup jobs. Medians of $Runs runs in one pwsh."
    Rows        = @(
        [pscustomobject]@{ Metric = 'New-SendenseProtectionFlow, 5,000 VM objects, first call in the process'; Value = $cold; Unit = 's'; Target = '< 2 s'; Pass = ($cold -lt 2) }
        [pscustomobject]@{ Metric = 'New-SendenseProtectionFlow, 5,000 VM objects (median)'; Value = $median; Unit = 's'; Target = '< 2 s'; Pass = ($median -lt 2) }
        [pscustomobject]@{ Metric = 'Get-SendenseVM with protection status, 10,000 VMs (median)'; Value = $listMedian; Unit = 's'; Target = '< 0.5 s'; Pass = ($listMedian -lt 0.5) }
        [pscustomobject]@{ Metric = 'Get-SendenseProtectionSummary over the same (median)'; Value = $summaryMedian; Unit = 's'; Target = '< 0.3 s'; Pass = ($summaryMedian -lt 0.3) }
        [pscustomobject]@{ Metric = 'Get-SendenseVM -ProtectionStatus Partial (median)'; Value = (Get-Median $filtered); Unit = 's' }
        [pscustomobject]@{ Metric = 'Get-SendenseProtectionFlow, 5,000 flows with names and machine counts (median)'; Value = (Get-Median $flowList); Unit = 's' }
    )
    Notes       = @(
        "Statuses found: $statusText. Each New run is verified (5,000 flow rows), and the protected count is checked against the seed ($expected)."
        'For scale: the hub GUI creates one flow per HTTP request and computes no protection status at all (protection-flows-contract.md section 4).'
    )
} | ConvertTo-Json -Depth 5 | Set-Content -Path $ResultPath
