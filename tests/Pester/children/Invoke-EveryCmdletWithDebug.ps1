<#
Child process of DebugPreference.Tests.ps1: runs every cmdlet of the module with -Debug, in a host that is
non-interactive and has no standard input, and prints "OK <cmdlet>" or "FAIL <cmdlet>: <error>" per step. Under
-Debug PowerShell 7 makes a compiled cmdlet's warnings and verbose messages Inquire, which such a host turns into an
exception; the module must only show more. The hub connection string and the vCenter password come in environment
variables, never on the command line.
#>
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText' # plain lines for the parent to read
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
Import-Module (Join-Path $repoRoot 'out/Sendense/Sendense.psd1')
$vc = [pscredential]::new($env:SDTEST_VC_USER, (ConvertTo-SecureString $env:SDTEST_VC_PASSWORD -AsPlainText -Force))

function Step([string] $Cmdlet, [scriptblock] $Body) {
    try { $null = & $Body; "OK $Cmdlet" }
    catch { "FAIL ${Cmdlet}: $($_.Exception.GetType().Name): $_" }
}

Step Connect-SendenseHub { Connect-SendenseHub -ConnectionString $env:SDTEST_HUB -Debug -Verbose }
Step Initialize-SendenseDatabase { Initialize-SendenseDatabase -Debug -Verbose -Confirm:$false }
# Discovery and add before any stored credential exists: Add-SendenseVM warns that the VMs get none.
Step Invoke-SendenseVMDiscovery { $script:found = @(Invoke-SendenseVMDiscovery -VCenter $env:SDTEST_VC -Credential $vc -Thumbprint $env:SDTEST_VC_SHA256 -Debug -Verbose) }
Step Add-SendenseVM { $found | Add-SendenseVM -Debug -Verbose }
Step Get-SendenseVM { Get-SendenseVM -Debug -Verbose }
Step Get-SendenseUngroupedVM { Get-SendenseUngroupedVM -Debug -Verbose }
Step New-SendenseVCenterCredential { New-SendenseVCenterCredential -Name dbg-cred -VCenter $env:SDTEST_VC -Credential $vc -Datacenter DC0 -Debug -Verbose }
Step Get-SendenseVCenterCredential { Get-SendenseVCenterCredential -Name dbg-cred -Debug -Verbose }
Step Test-SendenseVCenterCredential { Test-SendenseVCenterCredential -Credential dbg-cred -Thumbprint $env:SDTEST_VC_SHA256 -Debug -Verbose }
Step Set-SendenseVCenterCredential { Set-SendenseVCenterCredential -Name dbg-cred -Datacenter DC1 -Debug -Verbose -Confirm:$false }
Step New-SendenseProtectionGroup { New-SendenseProtectionGroup -Name dbg-group -Description d -Debug -Verbose }
Step Get-SendenseProtectionGroup { Get-SendenseProtectionGroup -Name dbg-group -Debug -Verbose }
Step Set-SendenseProtectionGroup { Set-SendenseProtectionGroup -Group dbg-group -Description e -Debug -Verbose -Confirm:$false }
Step Add-SendenseProtectionGroupMember { Get-SendenseVM | Add-SendenseProtectionGroupMember -Group dbg-group -Debug -Verbose -Confirm:$false }
Step Get-SendenseProtectionGroupMember { Get-SendenseProtectionGroupMember -Group dbg-group -Debug -Verbose }
Step Remove-SendenseProtectionGroupMember { Get-SendenseVM | Remove-SendenseProtectionGroupMember -Group dbg-group -Debug -Verbose -Confirm:$false }
Step Remove-SendenseProtectionGroup { Remove-SendenseProtectionGroup -Group dbg-group -Debug -Verbose -Confirm:$false }
Step Update-SendenseVM { Update-SendenseVM -VCenter $env:SDTEST_VC -Credential $vc -Thumbprint $env:SDTEST_VC_SHA256 -Debug -Verbose -Confirm:$false }
# Protection flows (issue 11): the parent seeds the repository dbg-repo.
Step Get-SendenseBackupRepository { Get-SendenseBackupRepository -Debug -Verbose }
Step Get-SendenseBackupPolicy { Get-SendenseBackupPolicy -Debug -Verbose }
Step New-SendenseProtectionFlow { Get-SendenseVM | Select-Object -First 1 | New-SendenseProtectionFlow -Name dbg-flow -Repository dbg-repo -Debug -Verbose -Confirm:$false }
Step Get-SendenseProtectionFlow { Get-SendenseProtectionFlow -Name dbg-flow -Debug -Verbose }
Step Get-SendenseProtectionFlowMember { Get-SendenseProtectionFlowMember -Flow dbg-flow -Debug -Verbose }
Step Get-SendenseProtectionFlowExecution { Get-SendenseProtectionFlowExecution -Flow dbg-flow -Debug -Verbose }
Step Set-SendenseProtectionFlow { Set-SendenseProtectionFlow -Flow dbg-flow -Enabled $false -Debug -Verbose -Confirm:$false }
Step Get-SendenseProtectionSummary { Get-SendenseProtectionSummary -Debug -Verbose }
Step Remove-SendenseProtectionFlow { Remove-SendenseProtectionFlow -Flow dbg-flow -Debug -Verbose -Confirm:$false }
Step Remove-SendenseVM { Get-SendenseVM | Remove-SendenseVM -Debug -Verbose -Confirm:$false }
Step Remove-SendenseVCenterCredential { Remove-SendenseVCenterCredential -Name dbg-cred -Debug -Verbose -Confirm:$false }
Step Disconnect-SendenseHub { Disconnect-SendenseHub -Debug -Verbose }
