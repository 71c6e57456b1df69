# Remove-SendenseProtectionGroupMember end to end: the built module against a fresh hub database with the upstream
# schema on the rig's real MariaDB (shared set-up and VM seeding in GroupTestHelpers.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'GroupTestHelpers.ps1'); Initialize-GroupSuite }
AfterAll { Clear-GroupSuite }

Describe 'Remove-SendenseProtectionGroupMember' -Tag ProtectionGroup {
    BeforeAll {
        # The state Add-SendenseProtectionGroupMember leaves: mem01-03 in 'Members', mem04 managed but in no group.
        $script:Members = New-TestVM 'mem01', 'mem02', 'mem03', 'mem04'
        $script:MemberGroup = $script:Members[0..2] | New-SendenseProtectionGroup -Name 'Members' -Description x -MaxConcurrentVMs 50
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

    It 'reports an input that is not a managed VM as its own error and removes the rest' {
        $vm = New-TestVM 'mem06'
        $null = $vm | Add-SendenseProtectionGroupMember -Group Members
        $removed = $vm, 'no-such-vm' | Remove-SendenseProtectionGroupMember -Group Members -Confirm:$false -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue
        $removed.VMName | Should -Be 'mem06'
        $failed[0].FullyQualifiedErrorId | Should -Be "ProtectionGroupVMNotFound,$Cmd.RemoveSendenseProtectionGroupMemberCommand"
        $failed[0].TargetObject | Should -Be 'no-such-vm'
    }

    It 'documents Remove-SendenseProtectionGroupMember with synopsis, description, two examples and every parameter' {
        Assert-CmdletHelp 'Remove-SendenseProtectionGroupMember'
    }
}
