# Get-SendenseProtectionGroupMember end to end: the built module against a fresh hub database with the upstream
# schema on the rig's real MariaDB (shared set-up and VM seeding in GroupTestHelpers.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'GroupTestHelpers.ps1'); Initialize-GroupSuite }
AfterAll { Clear-GroupSuite }

Describe 'Get-SendenseProtectionGroupMember' -Tag ProtectionGroup {
    BeforeAll { New-ListingGroup }

    It 'lists members of a group piped to it, and a VM once per group it is in' {
        $members = Get-SendenseProtectionGroup -Id $script:Listed.Id | Get-SendenseProtectionGroupMember
        $members | Should -HaveCount 3
        $members[0] | Should -BeOfType ([Sendense.ProtectionGroupMember])
        $members.VMName | Should -Be @('list01', 'list02', 'list03')
        ($members | Where-Object VMName -EQ 'list03').Enabled | Should -BeFalse
        (Get-SendenseProtectionGroupMember -Name 'list01').GroupName | Should -Be @('List other', 'List tier [a]')
    }

    It 'completes group names from the hub, quoting names with spaces' {
        $line = 'Get-SendenseProtectionGroupMember -Group list'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Be @("'List other'", "'List tier [a]'")
    }

    It 'finds a group by a name the hub calls the same beyond letter case, and says so with -Verbose (D10)' {
        $vm = New-TestVM 'cafe01'
        $cafe = $vm | New-SendenseProtectionGroup -Name 'Café tier' -Description x
        $members = Get-SendenseProtectionGroupMember -Group 'CAFE TIER' -Verbose -ErrorVariable failed 4>&1
        $failed | Should -BeNullOrEmpty
        ($members | Where-Object { $_ -is [Sendense.ProtectionGroupMember] }).GroupId | Should -Be $cafe.Id
        "$($members | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })" | Should -BeLike "*'CAFE TIER' matched protection group 'Café tier'*"
    }

    It 'documents Get-SendenseProtectionGroupMember with synopsis, description, two examples and every parameter' {
        Assert-CmdletHelp 'Get-SendenseProtectionGroupMember'
    }
}
