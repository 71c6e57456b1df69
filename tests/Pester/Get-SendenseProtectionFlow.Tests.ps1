# Get-SendenseProtectionFlow and the read-only flow cmdlets end to end: the collation-safe listing, members,
# executions, repositories, policies, protection status on VMs and the summary.

BeforeAll { . (Join-Path $PSScriptRoot 'FlowTestHelpers.ps1'); Initialize-FlowSuite }
AfterAll { Clear-GroupSuite }

Describe 'Get-SendenseProtectionFlow' -Tag Flow {
    BeforeAll {
        $script:VMs = New-TestVM 'get01', 'get02', 'get03', 'get04'
        $script:Group = $script:VMs | Where-Object Name -In 'get02', 'get03' | New-SendenseProtectionGroup -Name 'Get group' -Description x
        $script:Direct = $script:VMs[0] | New-SendenseProtectionFlow -Repository Local
        $script:ByGroup = $script:Group | New-SendenseProtectionFlow -Repository Local -Name 'Group flow'
        Invoke-HubSql @"
INSERT INTO protection_flow_executions (flow_id, status, execution_type, jobs_created, started_at, completed_at) VALUES
  ('$($script:Direct.Id)', 'success', 'manual', 1, '2026-11-20 01:00:00', '2026-11-20 01:10:00'),
  ('$($script:Direct.Id)', 'error', 'manual', 1, '2026-11-21 01:00:00', '2026-11-21 01:01:00');
INSERT INTO backup_jobs (id, vm_context_id, vm_name, repository_id, backup_type, status, repository_path, bytes_transferred, created_at, completed_at) VALUES
  ('backup-get01-1', '$($script:VMs[0].ContextId)', 'get01', 'repo-local-1759780081', 'full', 'completed', '/x', 1024, '2026-11-20 01:00:00', '2026-11-20 01:09:00'),
  ('backup-get01-1-disk0', '$($script:VMs[0].ContextId)', 'get01', 'repo-local-1759780081', 'full', 'completed', '/x', 1024, '2026-11-20 01:00:00', '2026-11-25 01:09:00');
"@ | Out-Null
    }

    It 'lists flows where the plain join fails with error 1267 on this server' {
        $version = Invoke-HubSql 'SELECT VERSION()'
        $plain = Invoke-RigSql -ConnectionString $script:Db.ConnectionString -Sql 'SELECT COUNT(*) FROM protection_flows pf JOIN vm_machine_groups g ON g.id = pf.target_id' 2>&1
        ($plain | Out-String) | Should -Match '1267|Illegal mix of collations' -Because "MariaDB $version refuses the join without COLLATE"

        $flows = @(Get-SendenseProtectionFlow)
        $flows.Name | Should -Be @('get01 backup', 'Group flow')
        ($flows | Where-Object Name -EQ 'Group flow').TargetName | Should -Be 'Get group'
        ($flows | Where-Object Name -EQ 'Group flow').MachineCount | Should -Be 2
        $flows[0].RepositoryName | Should -Be 'Local'
    }

    It 'filters by wildcard, VM, group, repository and enabled, and takes VMs and groups from the pipeline' {
        (Get-SendenseProtectionFlow -Name 'group*').Name | Should -Be 'Group flow'
        (Get-SendenseProtectionFlow -VM get03).Name | Should -Be 'Group flow'
        ($script:VMs[0] | Get-SendenseProtectionFlow).Name | Should -Be 'get01 backup'
        ($script:Group | Get-SendenseProtectionFlow).Name | Should -Be 'Group flow'
        @(Get-SendenseProtectionFlow -Repository 'repo-local-1759780081').Count | Should -Be 2
        @(Get-SendenseProtectionFlow -Enabled $false).Count | Should -Be 0
        @(Get-SendenseProtectionFlow -VM get04).Count | Should -Be 0
    }

    It 'reports a literal name that matches nothing' {
        { Get-SendenseProtectionFlow -Name 'Nope' -ErrorAction Stop } | Should -Throw -ErrorId "ProtectionFlowNotFound,$Cmd.GetSendenseProtectionFlowCommand"
    }

    It 'gives each member its disks and completed backups in the flow repository, per-disk rows not counted' {
        $member = Get-SendenseProtectionFlow 'get01 backup' | Get-SendenseProtectionFlowMember
        $member.Name | Should -Be 'get01'
        $member.BackupCount | Should -Be 1
        $member.BackupBytes | Should -Be 1024
        $member.LastBackup | Should -Be ([datetime]'2026-11-20 01:09:00')
    }

    It 'lists executions newest first' {
        $runs = @(Get-SendenseProtectionFlowExecution -Flow 'get01 backup')
        $runs.Status | Should -Be @('error', 'success')
        @(Get-SendenseProtectionFlowExecution -Flow 'get01 backup' -Last 1).Count | Should -Be 1
    }

    It 'lists repositories and policies with wildcards' {
        (Get-SendenseBackupRepository -Name 'Lo*').FlowCount | Should -Be 2
        (Get-SendenseBackupRepository 'Retired*').Enabled | Should -BeFalse
        (Get-SendenseBackupPolicy).PrimaryRepositoryName | Should -Be 'Local'
    }

    It 'shows protection status on VMs and filters by it' {
        (Get-SendenseVM -Name get01).ProtectionStatus | Should -Be 'Protected'
        (Get-SendenseVM -Name get01).LastBackup | Should -Be ([datetime]'2026-11-20 01:09:00')
        (Get-SendenseVM -Name get01).LastBackupStatus | Should -Be 'completed'
        (Get-SendenseVM -Name get02).Flows | Should -Be @('Group flow')
        (Get-SendenseVM -ProtectionStatus Unprotected).Name | Should -Be 'get04'
        (Get-SendenseUngroupedVM -ProtectionStatus Protected).Name | Should -Be 'get01'
    }

    It 'summarises per vCenter and datacenter' {
        $summary = Get-SendenseProtectionSummary
        $summary.VCenter | Should -Be 'vc01.lab'
        ($summary.Managed, $summary.Grouped, $summary.Protected, $summary.Partial, $summary.Unprotected) | Should -Be @(4, 2, 3, 0, 1)
        $summary.OldestLastBackup | Should -Be ([datetime]'2026-11-20 01:09:00')
        $summary.ProtectedNeverBackedUp | Should -Be 2
    }

    It 'completes flow and repository names' {
        Get-CompletionText 'Get-SendenseProtectionFlow -Name Gro' | Should -Be "'Group flow'"
        Get-CompletionText 'New-SendenseProtectionFlow -Repository Ret' | Should -Be "'Retired NFS'"
        Get-CompletionText 'New-SendenseProtectionFlow -Policy Da' | Should -Be 'Daily'
    }

    It 'has help pages with examples' -TestCases @(
        @{ Name = 'Get-SendenseProtectionFlow' }, @{ Name = 'Get-SendenseProtectionFlowMember' }, @{ Name = 'Get-SendenseProtectionFlowExecution' },
        @{ Name = 'Get-SendenseBackupRepository' }, @{ Name = 'Get-SendenseBackupPolicy' }, @{ Name = 'Get-SendenseProtectionSummary' }
    ) { Assert-CmdletHelp $Name }
}
