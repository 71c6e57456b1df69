# Remove-SendenseProtectionGroup end to end: the built module against a fresh hub database with the upstream
# schema on the rig's real MariaDB (shared set-up and VM seeding in GroupTestHelpers.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'GroupTestHelpers.ps1'); Initialize-GroupSuite }
AfterAll { Clear-GroupSuite }

Describe 'Remove-SendenseProtectionGroup' -Tag ProtectionGroup {
    BeforeAll {
        Invoke-HubSql "INSERT INTO replication_schedules (name, cron_expression) VALUES ('Weekly', '0 3 * * 0')"
    }

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

    It 'finds the group by a name the hub calls the same, and under -WhatIf removes nothing (D10)' {
        $null = New-SendenseProtectionGroup -Name 'Ñandú' -Description x
        Remove-SendenseProtectionGroup -Group 'nandu' -WhatIf
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'Ñandú'" | Should -Be 1
        Remove-SendenseProtectionGroup -Group 'NANDU' -Confirm:$false
        Get-HubCount "SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'Ñandú'" | Should -Be 0
    }

    It 'documents Remove-SendenseProtectionGroup with synopsis, description, two examples and every parameter' {
        Assert-CmdletHelp 'Remove-SendenseProtectionGroup'
    }
}
