<#
.SYNOPSIS
Discovery across vCenters: four simulators of 2,500 VMs each behind four stored credentials, discovered by one
`Invoke-SendenseVMDiscovery -VCenterCredential bench-mv-*` (in parallel, -ThrottleLimit 4) against the same four
discovered one after another, in the same pwsh process and the same run (issue 12: at most 0.6x).

.NOTES
All four simulators run on this machine, so they compete for its cores with the client. Measured twice: as they are
(loopback, no latency: the machine's cores are the bottleneck, and the sequential calls already keep them busy, each
sweep reading its batches in parallel), and with every simulator answering each request after -LatencyMilliseconds,
as a vCenter across a network does (its own RetrieveProperties time plus the round trip). The issue's 0.6x target is
judged on the second, the case a runbook over several real vCenters is in.
TLS with -SkipCertificateCheck (stored credentials are https; four self-signed certificates cannot share one pin).
#>
param([Parameter(Mandatory)][string] $ResultPath, [int] $Rounds = 3, [int] $LatencyMilliseconds = 100)
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
Import-Module (Get-BenchModulePath)
Import-Module (Join-Path $repoRoot 'tests/tools/TestRig.psm1')
if (-not $env:SENDENSE_TEST_MYSQL) { throw 'SENDENSE_TEST_MYSQL is not set: run this through `dotnet pwsh ./build.ps1 -Task Bench`.' }

$sims = @()
$db = $null
$savedKey = $env:MIGRATEKIT_CRED_ENCRYPTION_KEY
try {
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    $sims = @(Start-RigSimulator -Count 4 -VM 1250 -Tls -TimeoutSeconds 300)
    $db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $null = Connect-SendenseHub -Server $db.Server -Port $db.Port -Database $db.Name -Credential $db.Credential -TlsMode None
    $names = for ($i = 0; $i -lt 4; $i++) {
        (New-SendenseVCenterCredential -Name "bench-mv-$i" -VCenter $sims[$i].Server -Credential $sims[$i].Credential -Datacenter DC0).Name
    }
    $common = @{ SkipCertificateCheck = $true; WarningAction = 'SilentlyContinue' }
    # Warm-up (JIT, first TLS handshakes), not timed.
    $null = Invoke-SendenseVMDiscovery -VCenterCredential bench-mv-* @common | Measure-Object

    function Measure-Rounds([string] $label) {
        $parallel = @(); $sequential = @(); $counts = @()
        for ($round = 1; $round -le $Rounds; $round++) {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $count = (Invoke-SendenseVMDiscovery -VCenterCredential bench-mv-* @common | Measure-Object).Count
            $parallel += $watch.Elapsed.TotalSeconds
            $counts += $count

            $watch = [Diagnostics.Stopwatch]::StartNew()
            foreach ($name in $names) { $null = Invoke-SendenseVMDiscovery -VCenterCredential $name @common | Measure-Object }
            $sequential += $watch.Elapsed.TotalSeconds
            Write-Host ("  {0} round {1}: parallel {2:N2} s ({3} VMs), sequential {4:N2} s" -f $label, $round, $parallel[-1], $count, $sequential[-1])
        }
        [pscustomobject]@{ Parallel = (Get-Median $parallel); Sequential = (Get-Median $sequential); MinCount = [int]($counts | Measure-Object -Minimum).Minimum; AllCounts = $counts }
    }
    $local = Measure-Rounds 'loopback'
    foreach ($sim in $sims) { $null = Set-RigSimulatorFault $sim -DelayMilliseconds $LatencyMilliseconds }
    $remote = Measure-Rounds "$LatencyMilliseconds ms"
}
finally {
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    $sims | Stop-RigSimulator -ErrorAction SilentlyContinue
    if ($db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $db.Name }
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $savedKey
}

$localRatio = $local.Parallel / $local.Sequential
$ratio = $remote.Parallel / $remote.Sequential
$counts = @($local.AllCounts) + @($remote.AllCounts)
[pscustomobject]@{
    Title       = 'Discovery across four vCenters at once'
    Description = "Four govmomi simulators of 2,500 VMs each (one cluster and one standalone host, 1,250 VMs on each), TLS, on this machine. One pwsh process with a hub connected; median of $Rounds interleaved rounds after a warm-up, first on loopback as they are, then with each simulator answering every request after $LatencyMilliseconds ms (a vCenter across a network)."
    Rows        = @(
        [pscustomobject]@{ Metric = 'VMs from -VCenterCredential bench-mv-* (every round)'; Value = [int]($counts | Measure-Object -Minimum).Minimum; Unit = ''; Target = '10000'; Pass = (@($counts | Where-Object { $_ -ne 10000 }).Count -eq 0) }
        [pscustomobject]@{ Metric = "four vCenters with $LatencyMilliseconds ms per request, in one call (parallel, -ThrottleLimit 4)"; Value = $remote.Parallel; Unit = 's' }
        [pscustomobject]@{ Metric = 'the same four, one call after another'; Value = $remote.Sequential; Unit = 's' }
        [pscustomobject]@{ Metric = 'parallel / sequential'; Value = $ratio; Unit = 'x'; Target = '<= 0.6'; Pass = ($ratio -le 0.6) }
        [pscustomobject]@{ Metric = 'on loopback without latency, in one call'; Value = $local.Parallel; Unit = 's' }
        [pscustomobject]@{ Metric = 'on loopback without latency, one call after another'; Value = $local.Sequential; Unit = 's' }
        [pscustomobject]@{ Metric = 'on loopback, parallel / sequential (CPU-bound: 2 cores for 4 simulators and pwsh)'; Value = $localRatio; Unit = 'x' }
    )
    Notes       = @("Machine: $([Environment]::ProcessorCount) cores shared by the four simulators, MariaDB and pwsh; load average when the run ended: $((Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ').")
} | ConvertTo-Json -Depth 5 | Set-Content -Path $ResultPath
