# New-SendenseProtectionFlow end to end ("Add to Flow"): the built module against a fresh hub database with the
# upstream schema (fixture 01-07) on the rig's real MariaDB.

BeforeAll { . (Join-Path $PSScriptRoot 'FlowTestHelpers.ps1'); Initialize-FlowSuite }
AfterAll { Clear-GroupSuite }

Describe 'New-SendenseProtectionFlow' -Tag Flow {
    BeforeAll {
        $script:VMs = New-TestVM 'flow01', 'flow02', 'flow03', 'grp01', 'grp02', 'grp03'
        $script:Group = $script:VMs | Where-Object Name -Like 'grp*' | New-SendenseProtectionGroup -Name 'Flow group' -Description x
        Invoke-HubSql "UPDATE vm_group_memberships SET enabled = 0 WHERE vm_context_id = '$(($script:VMs | Where-Object Name -EQ 'grp03').ContextId)'"
        $script:User = "powershell:$([Environment]::UserName)"
    }

    It 'gives every ungrouped VM piped to it one flow, each row exactly as contract section 6 says' {
        $ungrouped = @(Get-SendenseUngroupedVM -Name 'flow0[12]')
        $flows = @($ungrouped | New-SendenseProtectionFlow -Repository Local)

        $flows.Count | Should -Be 2
        $flows | Should -BeOfType ([Sendense.ProtectionFlow])
        $flows.Name | Should -Be @('flow01 backup', 'flow02 backup')
        $flows.MachineCount | Should -Be @(1, 1)
        $rows = Get-FlowRow $ungrouped.ContextId
        $rows.Count | Should -Be 2
        for ($i = 0; $i -lt 2; $i++) {
            $rows[$i] | Should -Be ("flow0$($i + 1) backup`tNULL`tbackup`tvm`t$($ungrouped[$i].ContextId)`trepo-local-1759780081`tNULL`tNULL`tNULL`tNULL`t1`tNULL`t" +
                "pending`tNULL`tNULL`t0`t0`t0`t$script:User`t1`t1`t1")
        }
        (Get-SendenseVM -Name flow01).ProtectionStatus | Should -Be 'Protected'
        (Get-SendenseVM -Name flow01).Flows | Should -Be @('flow01 backup')
    }

    It 'writes a group flow whose members are only the enabled memberships, and names policy and schedule' {
        $flow = $script:Group | New-SendenseProtectionFlow -Repository Local -Policy Daily -Schedule Nightly -Name '{Name} nightly' -Description ' web tier '

        $flow.TargetType | Should -Be 'group'
        $flow.TargetId | Should -Be $script:Group.Id
        $flow.TargetName | Should -Be 'Flow group'
        $flow.PolicyName | Should -Be 'Daily'
        $flow.ScheduleName | Should -Be 'Nightly'
        $flow.Description | Should -Be 'web tier'
        $flow.MachineCount | Should -Be 2
        (Get-SendenseProtectionFlowMember -Flow $flow).Name | Should -Be @('grp01', 'grp02')
        (Get-SendenseVM -Name grp03).ProtectionStatus | Should -Be 'Partial'
    }

    It 'warns about a group with no enabled member' {
        $empty = New-SendenseProtectionGroup -Name 'Empty group' -Description x -AllowEmpty
        $null = New-SendenseProtectionFlow -ProtectionGroup 'Empty group' -Repository Local -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -Match 'no members'
        Get-HubCount "SELECT COUNT(*) FROM protection_flows WHERE target_id = '$($empty.Id)'" | Should -Be 1
    }

    It 'refuses <Case> and writes nothing' -TestCases @(
        @{ Case = 'a VM the hub does not manage'; Inputs = { $script:VMs[2].ContextId, 'ctx-ghost-20251006-000000' }; Extra = @{}; Id = 'ProtectionFlowTargetNotFound' }
        @{ Case = 'a group that does not exist'; Inputs = { }; Extra = @{ ProtectionGroup = 'No such group' }; Id = 'ProtectionFlowTargetNotFound' }
        @{ Case = 'a disabled repository'; Inputs = { $script:VMs[2] }; Extra = @{ Repository = 'Retired NFS' }; Id = 'ProtectionFlowRepositoryDisabled' }
        @{ Case = 'an unknown repository'; Inputs = { $script:VMs[2] }; Extra = @{ Repository = 'Tape' }; Id = 'ProtectionFlowRepositoryNotFound' }
        @{ Case = 'an unknown schedule'; Inputs = { $script:VMs[2] }; Extra = @{ Schedule = 'Hourly' }; Id = 'ProtectionFlowScheduleNotFound' }
        @{ Case = 'an unknown policy'; Inputs = { $script:VMs[2] }; Extra = @{ Policy = 'Weekly' }; Id = 'ProtectionFlowPolicyNotFound' }
        @{ Case = 'a name taken in another case with trailing spaces'; Inputs = { $script:VMs[2] }; Extra = @{ Name = 'FLOW01 BACKUP   ' }; Id = 'ProtectionFlowNameTaken' }
        @{ Case = 'one name for two VMs'; Inputs = { $script:VMs[2], $script:VMs[3] }; Extra = @{ Name = 'Same' }; Id = 'ProtectionFlowNameInvalid' }
        @{ Case = 'an empty pipeline'; Inputs = { $null }; Extra = @{}; Id = 'ProtectionFlowNoTargets' }
    ) {
        $before = Get-HubCount 'SELECT COUNT(*) FROM protection_flows'
        $parameters = @{ Repository = 'Local' }
        foreach ($key in $Extra.Keys) { $parameters[$key] = $Extra[$key] }
        { & $Inputs | New-SendenseProtectionFlow @parameters } | Should -Throw -ErrorId "$Id,$Cmd.NewSendenseProtectionFlowCommand"
        Get-HubCount 'SELECT COUNT(*) FROM protection_flows' | Should -Be $before
    }

    It 'names the missing input as the TargetObject' {
        $caught = $null
        try { $script:VMs[2].ContextId, 'ctx-ghost-20251006-000000' | New-SendenseProtectionFlow -Repository Local } catch { $caught = $_ }
        $caught.TargetObject | Should -Be 'ctx-ghost-20251006-000000'
        $caught.Exception.Message | Should -Match 'Add-SendenseVM'
    }

    It 'writes nothing with -WhatIf' {
        $before = Get-HubCount 'SELECT COUNT(*) FROM protection_flows'
        $out = $script:VMs[2] | New-SendenseProtectionFlow -Repository Local -WhatIf
        $out | Should -BeNullOrEmpty
        Get-HubCount 'SELECT COUNT(*) FROM protection_flows' | Should -Be $before
    }

    It 'stores -Disabled as enabled = 0' {
        $flow = $script:VMs[2] | New-SendenseProtectionFlow -Repository Local -Disabled
        $flow.Enabled | Should -BeFalse
        Get-HubCount "SELECT enabled FROM protection_flows WHERE id = '$($flow.Id)'" | Should -Be 0
        (Get-SendenseVM -Name flow03).ProtectionStatus | Should -Be 'Partial'
    }

    It 'has help with examples for every parameter, and says that starting a flow is the hub''s job' {
        Assert-CmdletHelp 'New-SendenseProtectionFlow'
        Get-Content (Join-Path $RepoRoot 'docs/cmdlets/New-SendenseProtectionFlow.md') -Raw | Should -Match 'REST API'
    }
}
