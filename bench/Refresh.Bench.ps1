<#
.SYNOPSIS
Update-SendenseVM of 10,000 managed VMs end to end in pwsh (issue 12: under 5 s): four simulators of 2,500 VMs, all
added with their stored credentials, then 40 changed in vCenter (renamed, resized, powered off, a disk added); a
fresh pwsh connects to the hub (before the clock) and runs Update-SendenseVM | Measure-Object, then once more
(everything Unchanged).
#>
param([Parameter(Mandatory)][string] $ResultPath)
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
$module = Get-BenchModulePath
Import-Module $module
Import-Module (Join-Path $repoRoot 'tests/tools/TestRig.psm1')
if (-not $env:SENDENSE_TEST_MYSQL) { throw 'SENDENSE_TEST_MYSQL is not set: run this through `dotnet pwsh ./build.ps1 -Task Bench`.' }

$child = Join-Path ([IO.Path]::GetTempPath()) "sendense-refresh-bench-$PID.ps1"
@'
param([string] $Module)
$ErrorActionPreference = 'Stop'
Import-Module $Module
Connect-SendenseHub -ConnectionString $env:SENDENSE_BENCH_HUB | Out-Null
$runs = foreach ($run in 1, 2) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $results = Update-SendenseVM -SkipCertificateCheck -WarningAction SilentlyContinue | Group-Object Result -NoElement
    [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; Results = @($results | ForEach-Object { "$($_.Name)=$($_.Count)" }) }
}
$hwm = (Get-Content /proc/self/status | Where-Object { $_ -like 'VmHWM:*' }) -replace '\D', ''
[pscustomobject]@{ Runs = $runs; PeakMB = [double]$hwm / 1024 } | ConvertTo-Json -Depth 4 -Compress
'@ | Set-Content -Path $child

$sims = @()
$db = $null
$savedKey = $env:MIGRATEKIT_CRED_ENCRYPTION_KEY
Push-Location $repoRoot
try {
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    $sims = @(Start-RigSimulator -Count 4 -VM 1250 -Tls -TimeoutSeconds 300)
    $db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $null = Connect-SendenseHub -Server $db.Server -Port $db.Port -Database $db.Name -Credential $db.Credential -TlsMode None
    for ($i = 0; $i -lt 4; $i++) {
        $null = New-SendenseVCenterCredential -Name "bench-rf-$i" -VCenter $sims[$i].Server -Credential $sims[$i].Credential -Datacenter DC0
    }
    $added = (Invoke-SendenseVMDiscovery -VCenterCredential bench-rf-* -SkipCertificateCheck -WarningAction SilentlyContinue | Add-SendenseVM | Measure-Object).Count
    Disconnect-SendenseHub
    foreach ($sim in $sims) {
        $vms = @(Get-RigVM $sim | Where-Object name -like '*_VM*' | Select-Object -First 10)
        $null = Rename-RigVM $sim -Name $vms[0].name -NewName "$($vms[0].name)-renamed"
        foreach ($vm in $vms[1..3]) { $null = Set-RigVMSize $sim -Name $vm.name -NumCpu 4 -MemoryMB 8192 }
        foreach ($vm in $vms[4..6]) { $null = Set-RigVMPowerState $sim -Name $vm.name -State PoweredOff }
        foreach ($vm in $vms[7..9]) { $null = Add-RigVMDisk $sim -Name $vm.name -SizeMB 1024 }
    }

    $env:SENDENSE_BENCH_HUB = $db.ConnectionString
    $watch = [Diagnostics.Stopwatch]::StartNew()
    try { $result = & dotnet pwsh -NoProfile -NonInteractive -File $child -Module $module | Select-Object -Last 1 | ConvertFrom-Json }
    finally { Remove-Item env:SENDENSE_BENCH_HUB -ErrorAction SilentlyContinue }
    $process = $watch.Elapsed.TotalSeconds
}
finally {
    Pop-Location
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    $sims | Stop-RigSimulator -ErrorAction SilentlyContinue
    if ($db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $db.Name }
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $savedKey
    Remove-Item $child -ErrorAction SilentlyContinue
}

$first = $result.Runs[0]
$second = $result.Runs[1]
[pscustomobject]@{
    Title       = 'Update-SendenseVM of 10,000 managed VMs'
    Description = "Four govmomi simulators of 2,500 VMs each (TLS) on this machine, $added VMs managed with their stored credentials, 40 of them changed in vCenter. A fresh pwsh connected to the hub before the clock; the call is ``Update-SendenseVM | Group-Object Result``."
    Rows        = @(
        [pscustomobject]@{ Metric = 'Update-SendenseVM, 40 changed (' + ($first.Results -join ', ') + ')'; Value = $first.Seconds; Unit = 's'; Target = '< 5 s'; Pass = ($first.Seconds -lt 5) }
        [pscustomobject]@{ Metric = 'the same again (' + ($second.Results -join ', ') + ')'; Value = $second.Seconds; Unit = 's'; Target = '< 5 s'; Pass = ($second.Seconds -lt 5) }
        [pscustomobject]@{ Metric = 'whole pwsh process (start, import, connect, two refreshes)'; Value = $process; Unit = 's' }
        [pscustomobject]@{ Metric = 'peak memory of the pwsh process (VmHWM)'; Value = $result.PeakMB; Unit = 'MB' }
    )
    Notes       = @('The refresh reads only the managed VMs (by BIOS uuid: here they are the whole inventory, so one full read of every VM, kept by uuid), the four vCenters at once, and writes in batches of 1,000.', "Load average when the run ended: $((Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ') on $([Environment]::ProcessorCount) cores (simulators, MariaDB and pwsh share them).")
} | ConvertTo-Json -Depth 5 | Set-Content -Path $ResultPath
