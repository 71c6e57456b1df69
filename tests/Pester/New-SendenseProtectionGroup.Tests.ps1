# New-SendenseProtectionGroup end to end: the built module against a fresh hub database with the upstream
# schema on the rig's real MariaDB (shared set-up and VM seeding in GroupTestHelpers.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'GroupTestHelpers.ps1'); Initialize-GroupSuite }
AfterAll { Clear-GroupSuite }

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

    It 'refuses names with a bidi override, a zero-width space or a lone surrogate, naming the code point (D12)' -TestCases @(
        @{ Character = 0x202E }, @{ Character = 0x200B }, @{ Character = 0xD800 }
    ) {
        $name = 'D12 ' + [char]$Character + ' x'
        $caught = $null
        try { New-SendenseProtectionGroup -Name $name -Description x } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be "ProtectionGroupNameInvalid,$Cmd.NewSendenseProtectionGroupCommand"
        "$caught" | Should -BeLike ('*U+{0:X4}*' -f $Character)
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name LIKE 'D12 %'" | Should -Be 0
    }

    It 'stops with ProtectionGroupNoVMs when VMs are given but none arrive, and creates nothing (D14)' {
        { New-SendenseProtectionGroup -Name 'D14 blank' -Description d -VM '' } |
            Should -Throw -ErrorId "ProtectionGroupNoVMs,$Cmd.NewSendenseProtectionGroupCommand" -ExpectedMessage '*-AllowEmpty*'
        { New-SendenseProtectionGroup -Name 'D14 null' -Description d -VM $null } |
            Should -Throw -ErrorId "ProtectionGroupNoVMs,$Cmd.NewSendenseProtectionGroupCommand"
        { @(Get-SendenseUngroupedVM -Name 'no-such-vm*') | New-SendenseProtectionGroup -Name 'D14 query' -Description d } |
            Should -Throw -ErrorId "ProtectionGroupNoVMs,$Cmd.NewSendenseProtectionGroupCommand"
        { $null | New-SendenseProtectionGroup -Name 'D14 piped null' -Description d } |
            Should -Throw -ErrorId "ProtectionGroupNoVMs,$Cmd.NewSendenseProtectionGroupCommand"
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name LIKE 'D14 %'" | Should -Be 0
    }

    It 'creates an empty group on purpose: with no -VM and no input, or with -AllowEmpty in a pipeline (D14)' {
        (New-SendenseProtectionGroup -Name 'D14 on purpose' -Description d).MemberCount | Should -Be 0
        $allowed = @() | New-SendenseProtectionGroup -Name 'D14 allowed' -Description d -AllowEmpty
        $allowed.MemberCount | Should -Be 0
        (New-SendenseProtectionGroup -Name 'D14 allowed vm' -Description d -VM '' -AllowEmpty).MemberCount | Should -Be 0
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name LIKE 'D14 %'" | Should -Be 3
    }

    It 'documents New-SendenseProtectionGroup with synopsis, description, two examples and every parameter' {
        Assert-CmdletHelp 'New-SendenseProtectionGroup'
    }
}
