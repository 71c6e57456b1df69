<#
.SYNOPSIS
A nightly onboarding runbook: discovers a vCenter's VMs with a stored credential, adds them to hub management, and
puts the ones in no protection group into one group, created when missing.
.DESCRIPTION
The sample script of docs/integration-guide.md and docs/testing-guide.md (Invoke-Onboarding.Tests.ps1 tests it with
mocks and against the lab). No password is in it: the vCenter password is the hub's stored credential, the hub
connection is the caller's (-Hub, or the default one). It writes one summary object. Per-VM problems do not stop the
run; they are counted, and the script then fails so that a scheduler sees a non-zero exit code
(pwsh -File exits with 1 on a terminating error).
.EXAMPLE
Connect-SendenseHub -Server hub01 -Credential (Get-Secret HubDb)
./Invoke-Onboarding.ps1 -VCenterCredential Prod -Name 'web*' -Group 'Web tier'
#>
[CmdletBinding()]
param(
    # The stored vCenter credential (Get-SendenseVCenterCredential) whose vCenter and datacenter are onboarded.
    [Parameter(Mandatory)][string] $VCenterCredential,
    # Which VMs, by name (wildcards).
    [string[]] $Name = '*',
    # The protection group for VMs that are in none.
    [string] $Group = 'Onboarded',
    [string] $GroupDescription = 'VMs onboarded by Invoke-Onboarding',
    # A hub connection from Connect-SendenseHub; the default connection when omitted.
    [object] $Hub
)
$ErrorActionPreference = 'Stop' # a failed connection or discovery ends the run
$hubParameter = @{}
if ($Hub) { $hubParameter.Hub = $Hub }

$discovered = @(Invoke-SendenseVMDiscovery -VCenterCredential $VCenterCredential -Name $Name @hubParameter)
# Per-VM refusals (a name conflict, a template) are non-terminating: collect them and go on with the others.
$added = @($discovered | Add-SendenseVM -ErrorAction Continue -ErrorVariable addErrors @hubParameter)

$ungrouped = @($added | Where-Object { -not $_.Groups })
$grouped = @()
if ($ungrouped.Count) {
    $existing = Get-SendenseProtectionGroup -Name $Group -ErrorAction SilentlyContinue @hubParameter
    $grouped = if ($existing) {
        @($ungrouped | Add-SendenseProtectionGroupMember -Group $Group @hubParameter)
    }
    else {
        $created = $ungrouped | New-SendenseProtectionGroup -Name $Group -Description $GroupDescription @hubParameter
        @(Get-SendenseProtectionGroupMember -Group $created @hubParameter)
    }
}

[pscustomobject]@{
    PSTypeName = 'Onboarding.Summary'
    Discovered = $discovered.Count
    Added      = @($added | Where-Object Result -EQ 'Added').Count
    Grouped    = $grouped.Count
    Group      = $Group
    Failed     = $addErrors.Count
}
if ($addErrors.Count) { throw "$($addErrors.Count) VM(s) could not be added; the first: $($addErrors[0])" }
