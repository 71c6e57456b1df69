<#
.SYNOPSIS
The demo workflow, run by `build.ps1 -Task Demo` in a fresh pwsh against the built module: connect to an empty hub
database and initialise the hub schema, store a vCenter credential, discover the VMs of a vCenter, add them to hub
management, list the ungrouped ones, create a protection group from a pipeline, add the rest to backup flows, show the protection summary, all printed
with the module's own views. The rig (database server and simulator) is started and stopped by the Demo task; its
addresses arrive in SENDENSE_DEMO_* environment variables.
#>
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
Import-Module (Join-Path $repoRoot 'out/Sendense/Sendense.psd1')
Import-Module (Join-Path $repoRoot 'tests/tools/TestRig.psm1')

$width = 120
function Write-Step([string] $command, [string] $what) {
    Write-Host ''
    Write-Host "PS> $command" -ForegroundColor Cyan
    if ($what) { Write-Host "    # $what" -ForegroundColor DarkGray }
}
function Show([Parameter(ValueFromPipeline)] $InputObject) {
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { $items.Add($InputObject) }
    end { $items | Out-String -Width $width | Write-Host }
}

# An empty database named like the appliance's; Initialize-SendenseDatabase creates the hub tables in it.
$server = ConvertFrom-RigConnectionString $env:SENDENSE_DEMO_MYSQL
Invoke-RigSql -ConnectionString $env:SENDENSE_DEMO_MYSQL -Sql 'CREATE DATABASE IF NOT EXISTS migratekit_oma CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci' | Out-Null
$dbCredential = [pscredential]::new($server.UserName, (ConvertTo-SecureString $server.Password -AsPlainText -Force))
$vcCredential = [pscredential]::new($env:SENDENSE_DEMO_VCENTER_USER, (ConvertTo-SecureString $env:SENDENSE_DEMO_VCENTER_PASSWORD -AsPlainText -Force))
# The Demo task passes the key on to its later steps (Show-Refresh.ps1); run alone, the workflow makes its own.
if (-not $env:MIGRATEKIT_CRED_ENCRYPTION_KEY) { $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)) }
$vcenter = $env:SENDENSE_DEMO_VCENTER
$thumbprint = $env:SENDENSE_DEMO_VCENTER_SHA256

Write-Step "Connect-SendenseHub -Server $($server.Server) -Port $($server.Port) -Credential `$db" 'the hub database (MariaDB, database migratekit_oma)'
Connect-SendenseHub -Server $server.Server -Port $server.Port -Credential $dbCredential -TlsMode None | Show

Write-Step 'Initialize-SendenseDatabase -Confirm:$false' 'create the hub tables the module uses (this demo starts from an empty database)'
Initialize-SendenseDatabase -Confirm:$false | Show

Write-Step "New-SendenseVCenterCredential -Name Lab -VCenter $vcenter -Credential `$vc -Datacenter DC0 -Default" 'stored encrypted, exactly as the hub stores it'
New-SendenseVCenterCredential -Name Lab -VCenter $vcenter -Credential $vcCredential -Datacenter DC0 -Default | Show

Write-Step "Test-SendenseVCenterCredential -Name Lab -Thumbprint <sha256>" 'a real login to vCenter and out again'
Test-SendenseVCenterCredential -Name Lab -Thumbprint $thumbprint | Show

Write-Step "Invoke-SendenseVMDiscovery -VCenterCredential Lab -Datacenter * -Thumbprint <sha256>" 'every VM of every datacenter; templates are left out'
$discovered = @(Invoke-SendenseVMDiscovery -VCenterCredential Lab -Datacenter * -Thumbprint $thumbprint)
$discovered | Show

Write-Step '$discovered | Add-SendenseVM' 'one batch, one transaction; each VM says Added, Refreshed or Unchanged'
$discovered | Add-SendenseVM | Show

Write-Step '$discovered | Add-SendenseVM | Group-Object Result' 'running it again adds nothing'
$discovered | Add-SendenseVM | Group-Object Result -NoElement | Show

Write-Step 'Get-SendenseUngroupedVM' 'managed VMs in no protection group'
Get-SendenseUngroupedVM | Show

Write-Step "Get-SendenseUngroupedVM -Name 'web*' | New-SendenseProtectionGroup -Name 'Web tier' -Description 'nightly'" 'the group and all its members in one transaction'
Get-SendenseUngroupedVM -Name 'web*' | New-SendenseProtectionGroup -Name 'Web tier' -Description 'nightly' | Show

Write-Step "Get-SendenseUngroupedVM -Name 'db*' | New-SendenseProtectionGroup -Name 'Databases' -Description 'hourly' -Priority 10" ''
Get-SendenseUngroupedVM -Name 'db*' | New-SendenseProtectionGroup -Name 'Databases' -Description 'hourly' -Priority 10 | Show

Write-Step 'Get-SendenseProtectionGroup' 'member counts, schedule and last run in one query'
Get-SendenseProtectionGroup | Show

Write-Step "Get-SendenseProtectionGroupMember -Group 'Web tier'" ''
Get-SendenseProtectionGroupMember -Group 'Web tier' | Show

Write-Step "Get-SendenseVM -Name 'web*','db*'" 'each VM with the groups it belongs to'
Get-SendenseVM -Name 'web*', 'db*' | Show

# Protection flows (issue 11). Initialize-SendenseDatabase creates only the tables of the onboarding workflow; the
# hub's backup and flow tables come from its own migrations, and its repositories from its GUI: both done here by SQL.
foreach ($migration in '02-*.sql', '04-*.sql') {
    $file = Get-ChildItem (Join-Path $env:SENDENSE_HUB_FIXTURES $migration) | Select-Object -First 1
    Invoke-RigSql -ConnectionString $env:SENDENSE_DEMO_MYSQL -Database migratekit_oma -File $file.FullName | Out-Null
}
Invoke-RigSql -ConnectionString $env:SENDENSE_DEMO_MYSQL -Database migratekit_oma -Sql "INSERT INTO backup_repositories (id, name, repository_type, config) VALUES ('repo-local-1759780081', 'Local', 'local', '{}')" | Out-Null

Write-Step 'Get-SendenseBackupRepository' 'where a backup flow can write (the hub creates repositories)'
Get-SendenseBackupRepository | Show

Write-Step "Get-SendenseUngroupedVM | New-SendenseProtectionFlow -Repository 'Local'" 'Add to Flow: one backup flow per ungrouped VM, all in one transaction'
Get-SendenseUngroupedVM | New-SendenseProtectionFlow -Repository 'Local' | Show

Write-Step "Get-SendenseProtectionGroup 'Web tier' | New-SendenseProtectionFlow -Name '{Name} nightly' -Repository 'Local'" "a group's flow backs up its enabled members"
Get-SendenseProtectionGroup 'Web tier' | New-SendenseProtectionFlow -Name '{Name} nightly' -Repository 'Local' | Show

Write-Step 'Get-SendenseVM | Format-Table Name, Groups, ProtectionStatus, Flows' 'which VMs are really protected (Databases has no schedule and no flow: Partial)'
Get-SendenseVM | Format-Table Name, @{ n = 'Groups'; e = { $_.Groups -join ', ' } }, ProtectionStatus, @{ n = 'Flows'; e = { $_.Flows -join ', ' } } | Show

Write-Step 'Get-SendenseProtectionSummary' 'per vCenter and datacenter: managed, grouped, protected, partial, unprotected; starting the flows is the hub''s job (REST API)'
Get-SendenseProtectionSummary | Show

Write-Step '(Get-SendenseUngroupedVM).Count' 'what is still ungrouped'
Write-Host "    $(@(Get-SendenseUngroupedVM).Count) of $(@(Get-SendenseVM).Count) managed VMs are in no group."

Disconnect-SendenseHub
exit 0
