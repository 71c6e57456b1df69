<#
Runs a guide's blocks (GuideBlocks.psm1) against the rig: a fresh hub database with the upstream schema and a
vCenter simulator of the demo's topology, in a fresh pwsh with the built module. Used by tests/Pester/Guides.Tests.ps1
and by tools/docs/Update-GuideOutput.ps1, which writes the real output back into the guides.
Secrets reach the child in environment variables only, never in the generated script.
#>
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'GuideBlocks.psm1')
Import-Module (Join-Path $PSScriptRoot 'TestRig.psm1')

# The demo's topology (tools/tasks/Demo.ps1): the names the guides' examples use.
$script:GuideTopology = @{
    Datacenter = 2; Cluster = 2; ClusterHost = 2; StandaloneHost = 1; VM = 3; Template = 1; Tls = $true
    VMFolder = 'Production/Web', 'Production/Database', 'Test'; MoveEvery = 2
    Rename = @{ 'DC0_C0_RP0_VM0' = 'web-frontend-01'; 'DC0_C0_RP0_VM1' = 'web-frontend-02'; 'DC0_C1_RP0_VM0' = 'web-api-01'
        'DC0_C0_RP0_VM2' = 'db-primary-01'; 'DC1_C0_RP0_VM0' = 'db-replica-01'; 'DC1_C1_RP0_VM1' = 'web-frontend-03' }
}

function Get-GuideTopology { $script:GuideTopology.Clone() }

# What the setup blocks of the guides assign, with the rig's values (read from SDGUIDE_* in the child).
$script:Prelude = @'
Import-Module $env:SDGUIDE_MODULE
$hubServer = $env:SDGUIDE_HUB_SERVER
$hubPort = [int] $env:SDGUIDE_HUB_PORT
$hubCredential = [pscredential]::new($env:SDGUIDE_HUB_USER, (ConvertTo-SecureString $env:SDGUIDE_HUB_PASSWORD -AsPlainText -Force))
$vCenter = $env:SDGUIDE_VCENTER
$vcCredential = [pscredential]::new($env:SDGUIDE_VC_USER, (ConvertTo-SecureString $env:SDGUIDE_VC_PASSWORD -AsPlainText -Force))
$vCenter2 = $env:SDGUIDE_VCENTER2
$vcCredential2 = [pscredential]::new($env:SDGUIDE_VC2_USER, (ConvertTo-SecureString $env:SDGUIDE_VC2_PASSWORD -AsPlainText -Force))
# Every simulator of the rig serves the same self-signed certificate, so one pinned thumbprint trusts both.
$PSDefaultParameterValues['*-Sendense*:Thumbprint'] = $env:SDGUIDE_VC_SHA256
$PSDefaultParameterValues['Connect-SendenseHub:Database'] = $env:SDGUIDE_HUB_DATABASE
$env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $env:SDGUIDE_CREDENTIAL_KEY
# As after Install-Module: Import-Module Sendense works in this session and in every runspace it starts.
$env:PSModulePath = (Split-Path (Split-Path $env:SDGUIDE_MODULE)) + [IO.Path]::PathSeparator + $env:PSModulePath
Set-Location $env:SDGUIDE_REPO
'@

function Get-GuidePrelude { $script:Prelude }

function Invoke-GuideOnRig {
    <#
    Runs every runnable block of one guide in order, in one fresh pwsh, against its own hub database and simulator.
    Returns the guide's blocks, each with the Result of its run (errors written, formatted output) where it ran.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $Path,
        [Parameter(Mandatory)][string] $MySqlConnectionString,
        [Parameter(Mandatory)][string] $ModulePath,
        # Simulators already started with Get-GuideTopology: the guide's $vCenter, and $vCenter2 when there is a
        # second; <!-- vcenter: ... --> markers change the first.
        [Parameter(Mandatory)][object[]] $Simulator
    )
    $blocks = @(Get-GuideBlock -Path $Path)
    $db = New-RigHubDatabase -ConnectionString $MySqlConnectionString -SiteSetup
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ('sdguide-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
    $resultPath = Join-Path $work 'results.json'
    $scriptPath = Join-Path $work 'guide.ps1'
    $first = $Simulator[0]
    $second = if ($Simulator.Count -gt 1) { $Simulator[1] } else { $first }
    $control = Join-Path $work 'control'
    $null = New-Item -ItemType Directory -Path $control
    $values = @{
        SDGUIDE_MODULE = $ModulePath; SDGUIDE_HUB_SERVER = $db.Server; SDGUIDE_HUB_PORT = [string]$db.Port
        SDGUIDE_HUB_DATABASE = $db.Name; SDGUIDE_HUB_USER = $db.Credential.UserName
        SDGUIDE_HUB_PASSWORD = $db.Credential.GetNetworkCredential().Password
        SDGUIDE_VCENTER = $first.Server; SDGUIDE_VC_USER = $first.Credential.UserName
        SDGUIDE_VC_PASSWORD = $first.Credential.GetNetworkCredential().Password; SDGUIDE_VC_SHA256 = $first.Sha256
        SDGUIDE_VCENTER2 = $second.Server; SDGUIDE_VC2_USER = $second.Credential.UserName
        SDGUIDE_VC2_PASSWORD = $second.Credential.GetNetworkCredential().Password; SDGUIDE_VC2_SHA256 = $second.Sha256
        SDGUIDE_CONTROL = $control; SDGUIDE_REPO = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        SDGUIDE_CREDENTIAL_KEY = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    }
    $saved = @{}
    try {
        foreach ($key in $values.Keys) { $saved[$key] = [Environment]::GetEnvironmentVariable($key); [Environment]::SetEnvironmentVariable($key, $values[$key]) }
        Set-Content -LiteralPath $scriptPath -Value (New-GuideScript -Block $blocks -Prelude $script:Prelude -ResultPath $resultPath)
        $log = Invoke-GuideChild -ScriptPath $scriptPath -Control $control -Simulator $first
        if (-not (Test-Path $resultPath)) { throw "The guide $Path did not finish: $($log -join [Environment]::NewLine)" }
        $results = @{}
        foreach ($r in @(Get-Content -LiteralPath $resultPath -Raw | ConvertFrom-Json)) { $results[[int]$r.Index] = $r }
        foreach ($b in $blocks) { $b | Add-Member -NotePropertyName Result -NotePropertyValue $results[$b.Index] }
        $blocks
    }
    finally {
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        Remove-RigHubDatabase -ConnectionString $MySqlConnectionString -Name $db.Name
    }
}

function Invoke-GuideChild {
    <# Runs the guide's script in a fresh pwsh and, while it runs, applies the vCenter changes it asks for. #>
    param([string] $ScriptPath, [string] $Control, $Simulator)
    $logPath = "$ScriptPath.log"
    $child = Start-Process -FilePath dotnet -ArgumentList @('pwsh', '-NoProfile', '-NonInteractive', '-File', $ScriptPath) `
        -RedirectStandardOutput $logPath -RedirectStandardError "$logPath.err" -PassThru
    $deadline = [DateTime]::UtcNow.AddMinutes(5)
    while (-not $child.HasExited) {
        foreach ($request in @(Get-ChildItem -LiteralPath $Control -Filter '*.request')) {
            $command = (Get-Content -LiteralPath $request.FullName -Raw).Trim()
            $answer = try { 'OK ' + (Invoke-RigSimulatorCommand -Simulator $Simulator -Command $command -Raw) } catch { "ERR $_" }
            Remove-Item -LiteralPath $request.FullName
            Set-Content -LiteralPath ($request.FullName -replace '\.request$', '.answer') -Value $answer
        }
        if ([DateTime]::UtcNow -gt $deadline) { $child.Kill($true); throw "The guide $ScriptPath ran for more than 5 minutes." }
        Start-Sleep -Milliseconds 50
    }
    @(Get-Content -LiteralPath $logPath, "$logPath.err" -ErrorAction SilentlyContinue)
}

Export-ModuleMember -Function Get-GuideTopology, Get-GuidePrelude, Invoke-GuideOnRig
