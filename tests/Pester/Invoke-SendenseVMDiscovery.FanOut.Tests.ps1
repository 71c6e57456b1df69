# Discovery across vCenters (issue 12): four simulators of 2,500 VMs each behind four stored credentials, discovered
# by one Invoke-SendenseVMDiscovery -VCenterCredential *. The simulators are started once for the whole file; the
# test that kills one runs last.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = Initialize-TestHub
    # One cluster and one standalone host per simulator, 1,250 VMs on each: 2,500 VMs per vCenter.
    $script:Sims = @(Start-RigSimulator -Count 4 -VM 1250 -Tls -TimeoutSeconds 300)
    for ($i = 0; $i -lt 4; $i++) {
        $null = New-SendenseVCenterCredential -Name "sdtest-fan-$i" -VCenter $Sims[$i].Server -Credential $Sims[$i].Credential -Datacenter DC0
    }
    # Four self-signed certificates: one -Thumbprint cannot pin them all, so these runs skip the check (warned).
    $script:Fan = @{ VCenterCredential = 'sdtest-fan-*'; SkipCertificateCheck = $true; WarningAction = 'SilentlyContinue' }
}

AfterAll {
    if ($script:Sims) { $script:Sims | Stop-RigSimulator -Kill -ErrorAction SilentlyContinue }
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $script:SavedKey
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe 'Invoke-SendenseVMDiscovery across vCenters' -Tag Refresh {
    It '-VCenterCredential * returns all 10,000 VMs, 2,500 from each vCenter' {
        $counts = @{}
        Invoke-SendenseVMDiscovery @Fan | ForEach-Object { $counts[$_.VCenter] = 1 + [int]$counts[$_.VCenter] }

        $counts.Keys.Count | Should -Be 4
        foreach ($sim in $Sims) { $counts[$sim.Server] | Should -Be 2500 -Because "every VM of $($sim.Server) comes out" }
    }

    It 'takes credentials from the pipeline and several names, each vCenter once' {
        $piped = @(Get-SendenseVCenterCredential -Name 'sdtest-fan-0', 'sdtest-fan-1' | Invoke-SendenseVMDiscovery -SkipCertificateCheck -WarningAction SilentlyContinue -Name 'DC0_H0_VM1*')
        $named = @(Invoke-SendenseVMDiscovery -VCenterCredential 'sdtest-fan-0', 'sdtest-fan-0', 'sdtest-fan-2' -SkipCertificateCheck -WarningAction SilentlyContinue -Name 'DC0_H0_VM1*')

        ($piped.VCenter | Sort-Object -Unique) | Should -Be (@($Sims[0].Server, $Sims[1].Server) | Sort-Object)
        ($named.VCenter | Sort-Object -Unique) | Should -Be (@($Sims[0].Server, $Sims[2].Server) | Sort-Object)
        $named.Count | Should -Be (2 * @($named | Where-Object VCenter -eq $Sims[0].Server).Count)
    }

    It 'retries a vCenter that answers 503 to its first two requests: every VM comes out and -Verbose shows the retries' {
        $null = Set-RigSimulatorFault $Sims[1] -Count 2 -Status 503
        $vms = 0; $retries = @()

        Invoke-SendenseVMDiscovery @Fan -Verbose 4>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.VerboseRecord]) { if ($_.Message -match 'HTTP 503') { $retries += $_.Message } }
            else { $vms++ }
        }

        $vms | Should -Be 10000
        $retries.Count | Should -Be 2
        $retries | ForEach-Object { $_ | Should -Match ([regex]::Escape($Sims[1].Server)) }
    }

    It 'with one vCenter killed mid-run, the other three''s VMs all come out and one error record names the dead one' {
        $dead = $Sims[3]
        $null = Set-RigSimulatorFault $dead -DelayMilliseconds 400
        $counts = @{}; $killed = $false

        Invoke-SendenseVMDiscovery @Fan -ErrorVariable failed -ErrorAction SilentlyContinue | ForEach-Object {
            if (-not $killed) { Stop-RigSimulator $dead -Kill; $killed = $true }
            $counts[$_.VCenter] = 1 + [int]$counts[$_.VCenter]
        }

        $failed.Count | Should -Be 1
        $failed[0].Exception.Message | Should -Match ([regex]::Escape($dead.Server))
        foreach ($sim in $Sims[0..2]) { $counts[$sim.Server] | Should -Be 2500 }
    }
}
