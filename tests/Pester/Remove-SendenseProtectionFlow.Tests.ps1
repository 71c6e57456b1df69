# Set- and Remove-SendenseProtectionFlow end to end: only the user's columns change, executions go with the flow.

BeforeAll { . (Join-Path $PSScriptRoot 'FlowTestHelpers.ps1'); Initialize-FlowSuite }
AfterAll { Clear-GroupSuite }

Describe 'Set-SendenseProtectionFlow and Remove-SendenseProtectionFlow' -Tag Flow {
    BeforeAll {
        $script:VMs = New-TestVM 'rm01', 'rm02', 'rm03'
        $script:Flows = $script:VMs | New-SendenseProtectionFlow -Repository Local -Schedule Nightly -Policy Daily
    }

    It 'changes name, description, enabled and clears the schedule to NULL, never touching the engine''s columns' {
        Invoke-HubSql "UPDATE protection_flows SET last_execution_status = 'success', total_executions = 7 WHERE id = '$($script:Flows[0].Id)'"
        $changed = $script:Flows[0] | Set-SendenseProtectionFlow -NewName 'rm01 nightly' -Description 'kept' -Enabled $false -ClearSchedule -ClearPolicy
        $changed.Name | Should -Be 'rm01 nightly'
        Invoke-HubSql "SELECT name, description, enabled, schedule_id IS NULL, policy_id IS NULL, last_execution_status, total_executions FROM protection_flows WHERE id = '$($script:Flows[0].Id)'" |
            Should -Be "rm01 nightly`tkept`t0`t1`t1`tsuccess`t7"
    }

    It 'refuses a name another flow has, per flow' {
        { $script:Flows[1] | Set-SendenseProtectionFlow -NewName 'RM01 NIGHTLY ' -ErrorAction Stop } |
            Should -Throw -ErrorId "ProtectionFlowNameTaken,$Cmd.SetSendenseProtectionFlowCommand"
    }

    It 'writes nothing with -WhatIf' {
        $script:Flows[1] | Set-SendenseProtectionFlow -Enabled $false -WhatIf
        Get-HubCount "SELECT enabled FROM protection_flows WHERE id = '$($script:Flows[1].Id)'" | Should -Be 1
        $script:Flows[1] | Remove-SendenseProtectionFlow -WhatIf
        Get-HubCount "SELECT COUNT(*) FROM protection_flows WHERE id = '$($script:Flows[1].Id)'" | Should -Be 1
    }

    It 'takes the executions with it and refuses a running one without -Force' {
        $id = $script:Flows[1].Id
        Invoke-HubSql "INSERT INTO protection_flow_executions (flow_id, status, execution_type, started_at) VALUES ('$id', 'success', 'manual', NOW() - INTERVAL 1 HOUR), ('$id', 'running', 'manual', NOW())" | Out-Null

        { $script:Flows[1] | Remove-SendenseProtectionFlow -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId "ProtectionFlowExecutionRunning,$Cmd.RemoveSendenseProtectionFlowCommand"
        Get-HubCount "SELECT COUNT(*) FROM protection_flow_executions WHERE flow_id = '$id'" | Should -Be 2

        $script:Flows[1] | Remove-SendenseProtectionFlow -Confirm:$false -Force
        Get-HubCount "SELECT COUNT(*) FROM protection_flow_executions WHERE flow_id = '$id'" | Should -Be 0
        Get-HubCount "SELECT COUNT(*) FROM protection_flows WHERE id = '$id'" | Should -Be 0
        @(Get-SendenseVM -Name rm02).Count | Should -Be 1
    }

    It 'reports a flow that is gone' {
        { Remove-SendenseProtectionFlow -Flow 'no such flow' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId "ProtectionFlowNotFound,$Cmd.RemoveSendenseProtectionFlowCommand"
    }

    It 'has help pages with examples' -TestCases @(@{ Name = 'Set-SendenseProtectionFlow' }, @{ Name = 'Remove-SendenseProtectionFlow' }) { Assert-CmdletHelp $Name }
}
