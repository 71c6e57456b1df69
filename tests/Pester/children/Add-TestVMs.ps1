<#
Child process of the VM suites: connects with the connection string in $env:SDTEST_HUB, builds the named VMs,
optionally waits for a go signal (so two processes start writing at the same moment), runs Add-SendenseVM and
writes what happened as JSON.
#>
param(
    [Parameter(Mandatory)][string] $ResultFile,
    [Parameter(Mandatory)][string[]] $Name,
    [string] $VCenter = 'vcsim.lab.local',
    [string] $ReadyFile,
    [string] $GoFile,
    [int] $BatchSize = 1000,
    [string] $Suspended = '',
    # Also run with -Verbose and report the verbose lines.
    [switch] $WithVerbose
)
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
Import-Module (Join-Path $repoRoot 'out/Sendense/Sendense.psd1')
. (Join-Path $PSScriptRoot '../VMTestHelpers.ps1')

Connect-SendenseHub -ConnectionString $env:SDTEST_HUB | Out-Null
# -File passes each argument as one string: lists arrive comma-separated.
$Name = $Name -split ','
$suspendedNames = $Suspended -split ','
$vms = foreach ($n in $Name) {
    $vm = New-TestDiscoveredVM -Name $n -VCenter $VCenter
    if ($suspendedNames -contains $n) { $vm.PowerState = 'suspended' }
    $vm
}
if ($ReadyFile) { New-Item -ItemType File -Path $ReadyFile | Out-Null }
if ($GoFile) { while (-not (Test-Path $GoFile)) { Start-Sleep -Milliseconds 5 } }

$failures = @()
$output = @()
$verbose = @()
try {
    $all = @($vms | Add-SendenseVM -BatchSize $BatchSize -ErrorVariable +failures -ErrorAction Continue -Verbose:$WithVerbose 4>&1)
    $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })
    $output = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
}
catch {
    $failures += $_
}
[pscustomobject]@{
    Added     = @($output | Where-Object Result -EQ 'Added').Count
    Refreshed = @($output | Where-Object Result -EQ 'Refreshed').Count
    Unchanged = @($output | Where-Object Result -EQ 'Unchanged').Count
    Errors    = @($failures | ForEach-Object { $_.FullyQualifiedErrorId })
    Messages  = @($failures | ForEach-Object { "$_" })
    Verbose   = $verbose
} | ConvertTo-Json | Set-Content -Path $ResultFile
