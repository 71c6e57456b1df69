<#
.SYNOPSIS
The demo's second part, run by `build.ps1 -Task Demo` after Show-Workflow.ps1 and after the Demo task changed the
simulator (a rename, a resize, a deleted VM) and started a second vCenter: Update-SendenseVM brings the hub back in
line with vCenter, -RemoveMissing drops the deleted VM, and one discovery reads both vCenters at once.
#>
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
Import-Module (Join-Path $repoRoot 'out/Sendense/Sendense.psd1')
Import-Module (Join-Path $repoRoot 'tests/tools/TestRig.psm1')

function Write-Step([string] $command, [string] $what) {
    Write-Host ''
    Write-Host "PS> $command" -ForegroundColor Cyan
    if ($what) { Write-Host "    # $what" -ForegroundColor DarkGray }
}
function Show([Parameter(ValueFromPipeline)] $InputObject) {
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { $items.Add($InputObject) }
    end { $items | Out-String -Width 120 | Write-Host }
}

$server = ConvertFrom-RigConnectionString $env:SENDENSE_DEMO_MYSQL
$dbCredential = [pscredential]::new($server.UserName, (ConvertTo-SecureString $server.Password -AsPlainText -Force))
$second = [pscredential]::new($env:SENDENSE_DEMO_VCENTER2_USER, (ConvertTo-SecureString $env:SENDENSE_DEMO_VCENTER2_PASSWORD -AsPlainText -Force))
$thumbprint = $env:SENDENSE_DEMO_VCENTER_SHA256
Connect-SendenseHub -Server $server.Server -Port $server.Port -Credential $dbCredential -TlsMode None | Out-Null

Write-Step 'Update-SendenseVM -Thumbprint <sha256> | Where-Object Result -ne Unchanged' 'each VM read again from vCenter with its stored credential; only the managed VMs are read'
Update-SendenseVM -Thumbprint $thumbprint | Where-Object Result -ne 'Unchanged' | Show

Write-Step 'Update-SendenseVM -RemoveMissing -Confirm:$false -Thumbprint <sha256> | Group-Object Result -NoElement' 'the VM deleted in vCenter leaves the hub (and its group)'
Update-SendenseVM -RemoveMissing -Confirm:$false -Thumbprint $thumbprint | Group-Object Result -NoElement | Show

Write-Step "New-SendenseVCenterCredential -Name Lab2 -VCenter $($env:SENDENSE_DEMO_VCENTER2) -Credential `$vc2 -Datacenter DC0" 'a second vCenter'
New-SendenseVCenterCredential -Name Lab2 -VCenter $env:SENDENSE_DEMO_VCENTER2 -Credential $second -Datacenter DC0 | Show

Write-Step "Invoke-SendenseVMDiscovery -VCenterCredential Lab* -SkipCertificateCheck | Group-Object VCenter -NoElement" 'both vCenters at once, VMs streamed as they arrive (two self-signed certificates: one pin cannot serve both)'
Invoke-SendenseVMDiscovery -VCenterCredential Lab* -SkipCertificateCheck -WarningAction SilentlyContinue | Group-Object VCenter -NoElement | Show

Disconnect-SendenseHub
exit 0
