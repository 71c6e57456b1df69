# Set-SendenseProtectionGroup end to end: the built module against a fresh hub database with the upstream
# schema on the rig's real MariaDB (shared set-up and VM seeding in GroupTestHelpers.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'GroupTestHelpers.ps1'); Initialize-GroupSuite }
AfterAll { Clear-GroupSuite }

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

    It 'refuses a -NewName with a bidi override, naming the code point, and keeps the name (D12)' {
        Set-SendenseProtectionGroup -Group 'Set done' -NewName "Set `u{202E}done" -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -Be "ProtectionGroupNameInvalid,$Cmd.SetSendenseProtectionGroupCommand"
        "$($refused[0])" | Should -BeLike '*U+202E*'
        (Get-SendenseProtectionGroup -Id $script:SetGroup.Id).Name | Should -Be 'Set done'
    }

    It 'finds the group by a name the hub calls the same (D10)' {
        $null = New-SendenseProtectionGroup -Name 'Résumé' -Description x
        (Set-SendenseProtectionGroup -Group 'resume' -Priority 4 -PassThru).Name | Should -Be 'Résumé'
    }

    It 'documents Set-SendenseProtectionGroup with synopsis, description, two examples and every parameter' {
        Assert-CmdletHelp 'Set-SendenseProtectionGroup'
    }
}
