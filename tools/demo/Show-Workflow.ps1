<#
.SYNOPSIS
The demo workflow, run by `build.ps1 -Task Demo` in a fresh pwsh against the built module: connect to the hub,
discover VMs in vCenter, add them to hub management, list the ungrouped ones, create a protection group, show it.
The rig (database server and simulator) is started and stopped by the Demo task; its addresses arrive in
SENDENSE_DEMO_* environment variables.
#>
$ErrorActionPreference = 'Stop'
$repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
Import-Module (Join-Path $repoRoot 'out/Sendense/Sendense.psd1')
Import-Module (Join-Path $repoRoot 'tests/tools/TestRig.psm1')

function Write-Step([string] $text) { Write-Host ''; Write-Host "== $text" -ForegroundColor Cyan }

$database = New-RigHubDatabase -ConnectionString $env:SENDENSE_DEMO_MYSQL -Name 'migratekit_oma'

Write-Step 'Connect-SendenseHub'
Connect-SendenseHub -Server $database.Server -Port $database.Port -Database $database.Name -Credential $database.Credential -TlsMode None |
    Format-Table -AutoSize | Out-Host

Write-Host ''
Write-Host "The vCenter simulator is at $env:SENDENSE_DEMO_VCENTER. Discovery, adding and grouping arrive with the issues that build them."
Disconnect-SendenseHub
exit 0
