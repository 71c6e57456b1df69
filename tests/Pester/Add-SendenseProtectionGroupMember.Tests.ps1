# Add-SendenseProtectionGroupMember end to end: the built module against a fresh hub database with the upstream
# schema on the rig's real MariaDB (shared set-up and VM seeding in GroupTestHelpers.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'GroupTestHelpers.ps1'); Initialize-GroupSuite }
AfterAll { Clear-GroupSuite }

Describe 'Add-SendenseProtectionGroupMember' -Tag ProtectionGroup {
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

    It 'stops naming the group it cannot find, and adds nothing' {
        $vm = New-TestVM 'mem05'
        $caught = $null
        try { $vm | Add-SendenseProtectionGroupMember -Group 'No such group' } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be "ProtectionGroupNotFound,$Cmd.AddSendenseProtectionGroupMemberCommand"
        $caught.TargetObject.Value | Should -Be 'No such group'
        Get-HubCount "SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '$($vm.ContextId)'" | Should -Be 0
    }

    It 'documents Add-SendenseProtectionGroupMember with synopsis, description, two examples and every parameter' {
        Assert-CmdletHelp 'Add-SendenseProtectionGroupMember'
    }
}
