<#
Child process of VM.Tests.ps1 (D7): adds many small VMs in small batches, printing one line per object it gets back,
so the parent can stop it (SIGINT, as Ctrl+C) in the middle and compare what was output, what the module said had
been written, and what the hub holds.
#>
param([int] $Count = 10000, [int] $BatchSize = 100)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
Import-Module (Join-Path $repoRoot 'out/Sendense/Sendense.psd1')
. (Join-Path $PSScriptRoot '../VMTestHelpers.ps1')

Connect-SendenseHub -ConnectionString $env:SDTEST_HUB | Out-Null
$vms = foreach ($i in 1..$Count) { New-TestDiscoveredVM -Name ('stop-{0:d5}' -f $i) -VCenter 'stop.vc' -Disks 1 }
[Console]::Out.WriteLine('READY')
$vms | Add-SendenseVM -BatchSize $BatchSize -WarningAction Continue | ForEach-Object { [Console]::Out.WriteLine('ADDED ' + $_.ContextId) }
[Console]::Out.WriteLine('DONE')
