# Protection groups end to end: the built module against a fresh hub database with the upstream schema on the rig's
# real MariaDB. VM contexts are seeded with SQL exactly as the hub's add-to-management code writes them (contract 3.3).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $script:Hub = Connect-SendenseHub -ConnectionString $script:Db.ConnectionString
    $script:Stamp = Get-Date -Format 'yyyyMMdd-HHmmss'

    function Invoke-HubSql([string] $Sql) { Invoke-RigSql -ConnectionString $script:Db.ConnectionString -Sql $Sql }

    function Get-HubCount([string] $Sql) { [int](Invoke-HubSql $Sql | Select-Object -First 1) }

    # upstream's ungrouped predicate (enhanced_discovery_service.go), counted
    function Get-UngroupedCount {
        Get-HubCount 'SELECT COUNT(*) FROM vm_replication_contexts vrc WHERE vrc.context_id NOT IN (SELECT DISTINCT vm_context_id FROM vm_group_memberships)'
    }

    function ConvertTo-TestVM([string] $Line) {
        $f = $Line -split "`t"
        [Sendense.VM]@{ ContextId = $f[0]; Name = $f[1]; VCenter = $f[2]; Datacenter = $f[3]; Path = $f[4]; BiosUuid = $f[5]; Status = $f[6]; PowerState = $f[7] }
    }

    # Inserts VM contexts as upstream's createVMContext does and returns them as Sendense.VM objects.
    function New-TestVM([string[]] $Name, [string] $VCenter = 'vc01.lab') {
        $rows = foreach ($n in $Name) {
            "('ctx-$n-$script:Stamp', '$n', uuid(), '/DC1/vm/$n', '$VCenter', 'DC1', 'discovered', NULL, 0, 0, 0, NULL, 2, 4096, 'linux', 'poweredOn', 'vmx-19', NOW(), NOW(), NULL, NULL, NOW(), 1, NULL, NULL, 1, 0, NULL, NULL)"
        }
        Invoke-HubSql ("INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter, current_status, current_job_id, total_jobs_run, successful_jobs, failed_jobs, last_successful_job_id, cpu_count, memory_mb, os_type, power_state, vm_tools_version, created_at, updated_at, first_job_at, last_job_at, last_status_change, auto_added, last_scheduled_job_id, next_scheduled_at, scheduler_enabled, ossea_config_id, credential_id, last_operation_summary) VALUES " + ($rows -join ', '))
        $list = ($Name | ForEach-Object { "'ctx-$_-$script:Stamp'" }) -join ','
        Invoke-HubSql "SELECT context_id, vm_name, vcenter_host, datacenter, vm_path, vmware_vm_id, current_status, power_state FROM vm_replication_contexts WHERE context_id IN ($list) ORDER BY vm_name" |
            ForEach-Object { ConvertTo-TestVM $_ }
    }

    # The ungrouped VMs. Until the VM cmdlets (Get-SendenseUngroupedVM) are merged, this runs upstream's ungrouped
    # query and builds the same Sendense.VM objects; once the real cmdlet exists it is used instead.
    function Get-MemberContextId([string] $GroupName) {
        @(Invoke-HubSql "SELECT m.vm_context_id FROM vm_group_memberships m JOIN vm_machine_groups g ON g.id = m.group_id WHERE g.name = '$GroupName' ORDER BY m.vm_context_id")
    }

    $script:Cmd = 'Sendense.PowerShell.Commands'
}

AfterAll {
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe 'New-SendenseProtectionGroup' -Tag ProtectionGroup {
    BeforeAll {
        $script:Web = New-TestVM 'web01', 'web02', 'web03', 'web04', 'db01', 'app01'
        # web04 already belongs to a group, so it is not ungrouped and must not be picked up.
        $null = $script:Web | Where-Object Name -EQ 'web04' | New-SendenseProtectionGroup -Name 'Legacy web' -Description 'older'
    }

    It 'turns the ungrouped web* VMs into a group with exactly those members, and the ungrouped list shrinks by as many' {
        $ungrouped = @(Get-SendenseUngroupedVM -Name 'web*')
        $ungrouped.Name | Sort-Object | Should -Be @('web01', 'web02', 'web03')
        $before = Get-UngroupedCount

        $group = Get-SendenseUngroupedVM -Name 'web*' | New-SendenseProtectionGroup -Name Web -Description x

        $group | Should -BeOfType ([Sendense.ProtectionGroup])
        $group.Name | Should -Be 'Web'
        $group.MemberCount | Should -Be 3
        $group.EnabledCount | Should -Be 3
        $group.Id | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$'
        Get-MemberContextId 'Web' | Should -Be ($ungrouped.ContextId | Sort-Object)
        Get-UngroupedCount | Should -Be ($before - 3)
        @(Get-SendenseUngroupedVM -Name 'web*').Count | Should -Be 0
    }

    It 'writes the rows the hub writes: uuid ids, its defaults, created_by and added_by' {
        Invoke-HubSql "SELECT max_concurrent_vms, priority, created_by, description, schedule_id IS NULL FROM vm_machine_groups WHERE name = 'Web'" |
            Should -Be "5`t0`tmachine-group-service`tx`t1"
        Invoke-HubSql "SELECT DISTINCT m.enabled, m.priority, m.added_by, m.schedule_override_id IS NULL FROM vm_group_memberships m JOIN vm_machine_groups g ON g.id = m.group_id WHERE g.name = 'Web'" |
            Should -Be "1`t50`tsystem`t1"
    }

    It 'refuses a duplicate name in any case or with spaces, and writes nothing' -TestCases @(
        @{ Duplicate = 'WEB' }, @{ Duplicate = 'web   ' }, @{ Duplicate = '  wEb' }
    ) {
        $groups = Get-HubCount 'SELECT COUNT(*) FROM vm_machine_groups'
        $members = Get-HubCount 'SELECT COUNT(*) FROM vm_group_memberships'

        { $script:Web | Where-Object Name -In 'db01', 'app01' | New-SendenseProtectionGroup -Name $Duplicate -Description x } |
            Should -Throw -ErrorId "ProtectionGroupNameTaken,$Cmd.NewSendenseProtectionGroupCommand" -ExpectedMessage "*named 'Web'*"

        Get-HubCount 'SELECT COUNT(*) FROM vm_machine_groups' | Should -Be $groups
        Get-HubCount 'SELECT COUNT(*) FROM vm_group_memberships' | Should -Be $members
    }

    It 'writes neither the group nor any membership when a VM in the middle of the batch does not exist' {
        $members = Get-HubCount 'SELECT COUNT(*) FROM vm_group_memberships'
        $inputs = @($script:Web[0].ContextId, 'ctx-not-in-the-hub-20251006-000000', ($script:Web | Where-Object Name -EQ 'db01'))

        $caught = $null
        try { $inputs | New-SendenseProtectionGroup -Name 'Half' -Description x } catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be "ProtectionGroupVMNotFound,$Cmd.NewSendenseProtectionGroupCommand"
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.TargetObject | Should -Be 'ctx-not-in-the-hub-20251006-000000'
        "$caught" | Should -BeLike '*1 input of 3*nothing was written*ctx-not-in-the-hub*'
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'Half'" | Should -Be 0
        Get-HubCount 'SELECT COUNT(*) FROM vm_group_memberships' | Should -Be $members
    }

    It 'binds context ids, Sendense.VM objects and foreign objects with ContextId or Name, each VM once' {
        $db01 = $script:Web | Where-Object Name -EQ 'db01'
        $inputs = @(
            $db01
            $db01.ContextId                                                   # the same VM again
            [pscustomobject]@{ context_id = $db01.ContextId }                 # a row from a query
            [pscustomobject]@{ Name = 'app01'; Id = 'VirtualMachine-vm-42'; PersistentId = '5012-ab' }   # PowerCLI-like
        )
        $group = $inputs | New-SendenseProtectionGroup -Name 'Mixed input' -Description x -MaxConcurrentVMs 10 -Priority 7 -MemberPriority 3
        $group.MemberCount | Should -Be 2
        $group.MaxConcurrentVMs | Should -Be 10
        $group.Priority | Should -Be 7
        Invoke-HubSql "SELECT DISTINCT m.priority FROM vm_group_memberships m JOIN vm_machine_groups g ON g.id = m.group_id WHERE g.name = 'Mixed input'" | Should -Be '3'
    }

    It 'warns when the group reaches MaxConcurrentVMs, because the hub GUI then refuses to add VMs' {
        $vms = New-TestVM 'cap01', 'cap02', 'cap03'
        $group = $vms | New-SendenseProtectionGroup -Name 'Capped' -Description x -MaxConcurrentVMs 2 -WarningVariable warnings -WarningAction SilentlyContinue
        $group.MemberCount | Should -Be 3
        "$warnings" | Should -BeLike "*'Capped' has 3 VMs and MaxConcurrentVMs 2*Group is at capacity*"
    }

    It 'validates names and ranges before touching the hub' {
        { New-SendenseProtectionGroup -Name ('x' * 256) -Description x } |
            Should -Throw -ErrorId "ProtectionGroupNameInvalid,$Cmd.NewSendenseProtectionGroupCommand"
        { New-SendenseProtectionGroup -Name '   ' -Description x } |
            Should -Throw -ErrorId "ProtectionGroupNameInvalid,$Cmd.NewSendenseProtectionGroupCommand"
        { New-SendenseProtectionGroup -Name 'Range' -Description x -MaxConcurrentVMs 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { New-SendenseProtectionGroup -Name 'Range' -Description x -Schedule 'no such schedule' } |
            Should -Throw -ErrorId "ProtectionGroupScheduleNotFound,$Cmd.NewSendenseProtectionGroupCommand"
    }

    It 'assigns a schedule by name and writes nothing under -WhatIf' {
        Invoke-HubSql "INSERT INTO replication_schedules (name, cron_expression) VALUES ('Nightly 2am', '0 2 * * *')"
        $vm = New-TestVM 'sched01'
        $vm | New-SendenseProtectionGroup -Name 'Scheduled' -Description x -Schedule 'nightly 2AM' -WhatIf
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'Scheduled'" | Should -Be 0

        $group = $vm | New-SendenseProtectionGroup -Name 'Scheduled' -Description x -Schedule 'nightly 2AM'
        $group.ScheduleName | Should -Be 'Nightly 2am'
    }
}

Describe 'Get-SendenseProtectionGroup and Get-SendenseProtectionGroupMember' -Tag ProtectionGroup {
    BeforeAll {
        $vms = New-TestVM 'list01', 'list02', 'list03'
        $script:Listed = $vms | New-SendenseProtectionGroup -Name 'List tier [a]' -Description 'for listing'
        $null = $vms[0] | New-SendenseProtectionGroup -Name 'List other' -Description x
        Invoke-HubSql "UPDATE vm_group_memberships SET enabled = 0 WHERE vm_context_id = '$($vms[2].ContextId)'"
    }

    It 'reads counts, schedule and last execution, filtered with wildcards' {
        $groups = Get-SendenseProtectionGroup -Name 'list*'
        $groups.Name | Should -Be @('List other', 'List tier [a]')
        $tier = $groups | Where-Object Id -EQ $script:Listed.Id
        $tier.MemberCount | Should -Be 3
        $tier.EnabledCount | Should -Be 2
        $tier.DisabledCount | Should -Be 1
        $tier.Status | Should -Be 'Active'
        (Get-SendenseProtectionGroup -Name 'List tier `[a`]').Id | Should -Be $script:Listed.Id
        (Get-SendenseProtectionGroup -Name 'List t[h-j]er*').Id | Should -Be $script:Listed.Id
        (Get-SendenseProtectionGroup -Id $script:Listed.Id).Name | Should -Be 'List tier [a]'
    }

    It 'reports a literal name that matches nothing, and stays silent for a wildcard' {
        Get-SendenseProtectionGroup -Name 'Nope' -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -Be "ProtectionGroupNotFound,$Cmd.GetSendenseProtectionGroupCommand"
        Get-SendenseProtectionGroup -Name 'Nope*' -ErrorVariable none | Should -BeNullOrEmpty
        $none | Should -BeNullOrEmpty
    }

    It 'lists members of a group piped to it, and a VM once per group it is in' {
        $members = Get-SendenseProtectionGroup -Id $script:Listed.Id | Get-SendenseProtectionGroupMember
        $members | Should -HaveCount 3
        $members[0] | Should -BeOfType ([Sendense.ProtectionGroupMember])
        $members.VMName | Should -Be @('list01', 'list02', 'list03')
        ($members | Where-Object VMName -EQ 'list03').Enabled | Should -BeFalse
        (Get-SendenseProtectionGroupMember -Name 'list01').GroupName | Should -Be @('List other', 'List tier [a]')
    }

    It 'prints tables that fit 120 columns' {
        $null = New-TestVM ('v' * 40) | New-SendenseProtectionGroup -Name ('G' * 60) -Description ('d' * 200)
        $text = (Get-SendenseProtectionGroup | Format-Table | Out-String -Width 200) + (Get-SendenseProtectionGroupMember | Format-Table | Out-String -Width 200)
        ($text -split "`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }

    It 'completes group names from the hub, quoting names with spaces' {
        $line = 'Get-SendenseProtectionGroupMember -Group list'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Be @("'List other'", "'List tier [a]'")
    }
}

Describe 'Set-SendenseProtectionGroup' -Tag ProtectionGroup {
    BeforeAll {
        Invoke-HubSql "INSERT INTO replication_schedules (name, cron_expression) VALUES ('Weekly', '0 3 * * 0')"
        $script:SetGroup = New-TestVM 'set01' | New-SendenseProtectionGroup -Name 'Set me' -Description x -Schedule Weekly
    }

    It 'renames, changes settings and clears the schedule of a group piped to it' {
        $changed = $script:SetGroup | Set-SendenseProtectionGroup -NewName 'Set done' -MaxConcurrentVMs 20 -Priority 9 -Description 'new text' -PassThru
        $changed.Name | Should -Be 'Set done'
        $changed.MaxConcurrentVMs | Should -Be 20
        $changed.Description | Should -Be 'new text'
        $changed.ScheduleName | Should -Be 'Weekly'

        $cleared = Set-SendenseProtectionGroup -Group 'set DONE' -ClearSchedule -PassThru
        $cleared.ScheduleId | Should -BeNullOrEmpty
        Invoke-HubSql "SELECT schedule_id IS NULL FROM vm_machine_groups WHERE id = '$($script:SetGroup.Id)'" | Should -Be '1'
    }

    It 'refuses a name another group has and changes nothing under -WhatIf' {
        $null = New-SendenseProtectionGroup -Name 'Set other' -Description x
        { Set-SendenseProtectionGroup -Group 'Set done' -NewName 'SET OTHER' -ErrorAction Stop } |
            Should -Throw -ErrorId "ProtectionGroupNameTaken,$Cmd.SetSendenseProtectionGroupCommand"
        Set-SendenseProtectionGroup -Group 'Set done' -Priority 99 -WhatIf
        (Get-SendenseProtectionGroup -Name 'Set done').Priority | Should -Be 9
    }
}

Describe 'Add- and Remove-SendenseProtectionGroupMember' -Tag ProtectionGroup {
    BeforeAll {
        $script:Members = New-TestVM 'mem01', 'mem02', 'mem03'
        $script:MemberGroup = $script:Members[0] | New-SendenseProtectionGroup -Name 'Members' -Description x -MaxConcurrentVMs 50
    }

    It 'adds VMs idempotently: members already in the group are reported as AlreadyMember, not errors' {
        $first = $script:Members | Add-SendenseProtectionGroupMember -Group 'members' -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        $first.Result | Should -Be @('AlreadyMember', 'Added', 'Added')
        $first[1] | Should -BeOfType ([Sendense.ProtectionGroupMember])

        $again = $script:Members.ContextId | Add-SendenseProtectionGroupMember -Group $script:MemberGroup.Id
        $again.Result | Should -Be @('AlreadyMember', 'AlreadyMember', 'AlreadyMember')
        Get-HubCount "SELECT COUNT(*) FROM vm_group_memberships WHERE group_id = '$($script:MemberGroup.Id)'" | Should -Be 3
    }

    It 'lets a VM join a second group' {
        $other = New-SendenseProtectionGroup -Name 'Members too' -Description x
        ($script:Members[1] | Add-SendenseProtectionGroupMember -Group $other).Result | Should -Be 'Added'
        Get-HubCount "SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '$($script:Members[1].ContextId)'" | Should -Be 2
    }

    It 'adds nothing when one input is not a managed VM' {
        $vm = New-TestVM 'mem04'
        { $vm, 'no-such-vm' | Add-SendenseProtectionGroupMember -Group Members } |
            Should -Throw -ErrorId "ProtectionGroupVMNotFound,$Cmd.AddSendenseProtectionGroupMemberCommand"
        Get-HubCount "SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '$($vm.ContextId)'" | Should -Be 0
    }

    It 'removes memberships piped from Get-SendenseProtectionGroupMember and warns about VMs that were not members' {
        $removed = Get-SendenseProtectionGroupMember -Group Members -Name 'mem0[12]' |
            Remove-SendenseProtectionGroupMember -Confirm:$false -PassThru
        $removed.Result | Should -Be @('Removed', 'Removed')

        $again = $script:Members[0] | Remove-SendenseProtectionGroupMember -Group Members -Confirm:$false -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $again | Should -BeNullOrEmpty
        "$warnings" | Should -BeLike "*'mem01'*is not a member of protection group 'Members'*"
        (Get-SendenseProtectionGroupMember -Group Members).VMName | Should -Be 'mem03'
        Get-HubCount "SELECT COUNT(*) FROM vm_replication_contexts WHERE vm_name LIKE 'mem0%'" | Should -Be 4
    }

    It 'asks before removing (ConfirmImpact High) and removes nothing under -WhatIf' {
        [System.Management.Automation.CommandMetadata]::new((Get-Command Remove-SendenseProtectionGroupMember)).ConfirmImpact | Should -Be 'High'
        'mem03' | Remove-SendenseProtectionGroupMember -Group Members -WhatIf
        (Get-SendenseProtectionGroupMember -Group Members).VMName | Should -Be 'mem03'
    }
}

Describe 'Remove-SendenseProtectionGroup' -Tag ProtectionGroup {
    It 'refuses a group with members or a running execution unless -Force, then removes only the group' {
        [System.Management.Automation.CommandMetadata]::new((Get-Command Remove-SendenseProtectionGroup)).ConfirmImpact | Should -Be 'High'
        $vm = New-TestVM 'rm01'
        $full = $vm | New-SendenseProtectionGroup -Name 'Remove full' -Description x
        $busy = New-SendenseProtectionGroup -Name 'Remove busy' -Description x -Schedule Weekly
        Invoke-HubSql "INSERT INTO schedule_executions (schedule_id, group_id, scheduled_at, status) VALUES ('$($busy.ScheduleId)', '$($busy.Id)', NOW(), 'running')"

        $full, $busy | Remove-SendenseProtectionGroup -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.FullyQualifiedErrorId | Should -Be @(
            "ProtectionGroupNotEmpty,$Cmd.RemoveSendenseProtectionGroupCommand"
            "ProtectionGroupExecutionRunning,$Cmd.RemoveSendenseProtectionGroupCommand")
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name LIKE 'Remove %'" | Should -Be 2

        $full | Remove-SendenseProtectionGroup -Force -WhatIf
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name LIKE 'Remove %'" | Should -Be 2

        $full, $busy | Remove-SendenseProtectionGroup -Force -Confirm:$false
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name LIKE 'Remove %'" | Should -Be 0
        Get-HubCount "SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '$($vm.ContextId)'" | Should -Be 0
        Get-HubCount "SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id = '$($vm.ContextId)'" | Should -Be 1
    }

    It 'says which group it cannot find' {
        Remove-SendenseProtectionGroup -Group 'never existed' -Confirm:$false -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -Be "ProtectionGroupNotFound,$Cmd.RemoveSendenseProtectionGroupCommand"
        $missing[0].TargetObject.Value | Should -Be 'never existed'
    }
}

Describe 'Protection group help' -Tag ProtectionGroup {
    It 'documents <Name> with synopsis, description, two examples and every parameter' -TestCases @(
        'New-SendenseProtectionGroup', 'Get-SendenseProtectionGroup', 'Set-SendenseProtectionGroup', 'Remove-SendenseProtectionGroup',
        'Get-SendenseProtectionGroupMember', 'Add-SendenseProtectionGroupMember', 'Remove-SendenseProtectionGroupMember' |
            ForEach-Object { @{ Name = $_ } }
    ) {
        $file = Join-Path $RepoRoot "docs/cmdlets/$Name.md"
        Test-Path $file | Should -BeTrue
        $text = Get-Content $file -Raw
        foreach ($section in '## SYNOPSIS', '## DESCRIPTION', '## EXAMPLES', '## PARAMETERS', '## INPUTS', '## OUTPUTS') { $text | Should -Match ([regex]::Escape($section)) }
        ([regex]::Matches($text, '(?m)^### Example \d')).Count | Should -BeGreaterOrEqual 2
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
            $text | Should -Match "(?m)^### -$parameter\b"
        }
    }
}
