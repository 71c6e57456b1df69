# Issue 13 D1 and D6 end to end from pwsh: plain http is refused unless -AllowInsecureHttp (which warns), to another
# machine and to loopback alike, and -Timeout bounds how long a vCenter that does not answer is waited for. Common.ps1
# opts the suites in; these tests say -AllowInsecureHttp:$false where they test the refusal.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Cred = [pscredential]::new('administrator@vsphere.local', (ConvertTo-SecureString 'not-sent' -AsPlainText -Force))
    # TEST-NET-1 (RFC 5737): never a real host, so nothing is ever sent anywhere.
    $script:Remote = 'http://192.0.2.10/sdk'
}

Describe 'vCenter transport hardening' -Tag Refresh {
    It 'D1: refuses a plain http vCenter on another machine before connecting, naming the switch' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $failure = $null
        try { $null = Invoke-SendenseVMDiscovery -VCenter $Remote -Credential $Cred -AllowInsecureHttp:$false -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'VCenterInvalidArgument,*'
        "$failure" | Should -Match '-AllowInsecureHttp'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
    }

    It 'D1: refuses a plain http simulator on loopback too, sending it nothing; with the opt-in it warns and discovers' {
        $sim = Start-RigSimulator -VM 1
        try {
            $failure = $null
            try { $null = Invoke-SendenseVMDiscovery -VCenter $sim.Url -Credential $sim.Credential -AllowInsecureHttp:$false -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -BeLike 'VCenterInvalidArgument,*'
            "$failure" | Should -Match 'in clear'
            (Get-RigSimulatorStatistic $sim).requests | Should -Be 0 -Because 'the password is never sent'

            $found = @(Invoke-SendenseVMDiscovery -VCenter $sim.Url -Credential $sim.Credential -AllowInsecureHttp -WarningVariable warned -WarningAction SilentlyContinue)
            $found.Count | Should -BeGreaterThan 0
            @($warned | Where-Object { "$_" -match 'in clear' }).Count | Should -Be 1
        }
        finally { Stop-RigSimulator $sim }
    }

    It 'D1 and D6: -AllowInsecureHttp warns that the password crosses in clear, and -Timeout bounds the wait' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $failure = $null
        try { $null = Invoke-SendenseVMDiscovery -VCenter $Remote -Credential $Cred -AllowInsecureHttp -Timeout 1 -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop }
        catch { $failure = $_ }

        @($warned | Where-Object { "$_" -match 'in clear' }).Count | Should -Be 1
        $failure.FullyQualifiedErrorId | Should -Not -BeLike 'VCenterInvalidArgument,*'
        $failure.FullyQualifiedErrorId | Should -Match '^VCenter(Timeout|Unreachable),'
        if ($failure.FullyQualifiedErrorId -like 'VCenterTimeout,*') { "$failure" | Should -Match '-Timeout' }
        # One timeout, one retry of the read-only first request, the back-off between: well under the default 100 s.
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 6
    }
}
