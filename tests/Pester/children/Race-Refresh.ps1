<#
Child process of Update-SendenseVM.Tests.ps1 (the race): connects to the hub in $env:SDTEST_HUB, waits for the go
signal, then either adds the simulator VMs whose index (in name order) is within -First..-Last (-Mode Add), or
refreshes every managed VM of the simulator (-Mode Update), and writes what happened as JSON. The vCenter password
comes in $env:SDTEST_VC_PASSWORD, never on the command line.
#>
param(
    [Parameter(Mandatory)][ValidateSet('Add', 'Update')][string] $Mode,
    [Parameter(Mandatory)][string] $ResultFile,
    [Parameter(Mandatory)][string] $VCenter,
    [Parameter(Mandatory)][string] $Thumbprint,
    [Parameter(Mandatory)][string] $ReadyFile,
    [Parameter(Mandatory)][string] $GoFile,
    [int] $First = 0,
    [int] $Last = 0,
    [switch] $Descending
)
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
Import-Module (Join-Path $repoRoot 'out/Sendense/Sendense.psd1')
Connect-SendenseHub -ConnectionString $env:SDTEST_HUB | Out-Null
$credential = [pscredential]::new($env:SDTEST_VC_USER, (ConvertTo-SecureString $env:SDTEST_VC_PASSWORD -AsPlainText -Force))
$vms = @()
if ($Mode -eq 'Add') {
    $vms = @(Invoke-SendenseVMDiscovery -VCenter $VCenter -Credential $credential -Thumbprint $Thumbprint | Sort-Object Name | Select-Object -Skip $First -First ($Last - $First + 1))
    if ($Descending) { [array]::Reverse($vms) }
}
New-Item -ItemType File -Path $ReadyFile | Out-Null
while (-not (Test-Path $GoFile)) { Start-Sleep -Milliseconds 5 }

$failures = @()
$output = @()
try {
    $output = if ($Mode -eq 'Add') { @($vms | Add-SendenseVM -BatchSize 40 -ErrorVariable +failures -ErrorAction Continue -WarningAction SilentlyContinue) }
    else { @(Update-SendenseVM -VCenter $VCenter -Credential $credential -Thumbprint $Thumbprint -BatchSize 40 -ErrorVariable +failures -ErrorAction Continue) }
}
catch {
    $failures += $_
}
[pscustomobject]@{
    Count    = $output.Count
    Results  = @($output | Group-Object Result | ForEach-Object { "$($_.Name)=$($_.Count)" })
    Errors   = @($failures | ForEach-Object { $_.FullyQualifiedErrorId })
    Messages = @($failures | ForEach-Object { "$_" })
} | ConvertTo-Json | Set-Content -Path $ResultFile
