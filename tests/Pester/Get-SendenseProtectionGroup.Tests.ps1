# Get-SendenseProtectionGroup end to end: the built module against a fresh hub database with the upstream
# schema on the rig's real MariaDB (shared set-up and VM seeding in GroupTestHelpers.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'GroupTestHelpers.ps1'); Initialize-GroupSuite }
AfterAll { Clear-GroupSuite }

Describe 'Get-SendenseProtectionGroup' -Tag ProtectionGroup {
    BeforeAll { New-ListingGroup }

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

    It 'prints tables that fit 120 columns' {
        $null = New-TestVM ('v' * 40) | New-SendenseProtectionGroup -Name ('G' * 60) -Description ('d' * 200)
        $text = (Get-SendenseProtectionGroup | Format-Table | Out-String -Width 200) + (Get-SendenseProtectionGroupMember | Format-Table | Out-String -Width 200)
        ($text -split "`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }

    It 'takes a lone [ literally, in -Name of both Get cmdlets (D11)' {
        $bracket = New-SendenseProtectionGroup -Name '[' -Description x
        (Get-SendenseProtectionGroup -Name '[').Id | Should -Be $bracket.Id
        Get-SendenseProtectionGroup -Name 'List [' -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -Be "ProtectionGroupNotFound,$Cmd.GetSendenseProtectionGroupCommand"
        "$($missing[0])".Contains("named 'List ['") | Should -BeTrue
        { Get-SendenseProtectionGroupMember -Name '[' -ErrorAction Stop } | Should -Not -Throw
        { Get-SendenseProtectionGroupMember -Group '[' -ErrorAction Stop } | Should -Not -Throw
    }

    It 'completes -Name with wildcard characters escaped, so the completed name finds exactly that group (D11)' {
        $completed = Get-CompletionText "Get-SendenseProtectionGroup -Name 'List t"
        $completed | Should -Be "'List tier ``[a``]'"
        $typed = $completed.Substring(1, $completed.Length - 2).Replace("''", "'")   # the single-quoted text, as PowerShell reads it
        (Get-SendenseProtectionGroup -Name $typed).Id | Should -Be $script:Listed.Id
    }

    It 'documents Get-SendenseProtectionGroup with synopsis, description, two examples and every parameter' {
        Assert-CmdletHelp 'Get-SendenseProtectionGroup'
    }
}
