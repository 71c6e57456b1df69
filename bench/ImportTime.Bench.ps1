<#
.SYNOPSIS
How much Import-Module Sendense adds to a bare pwsh start: median of N runs of `pwsh -c exit` against
`pwsh -c "Import-Module out/Sendense; exit"`, each in a fresh process.
#>
param([Parameter(Mandatory)][string] $ResultPath, [int] $Runs = 9)
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
$module = Get-BenchModulePath

function Measure-Median([string] $command) {
    $times = foreach ($i in 1..$Runs) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        & dotnet pwsh -NoProfile -NonInteractive -Command $command | Out-Null
        $watch.Stop()
        $watch.Elapsed.TotalSeconds
    }
    ($times | Sort-Object)[[int][Math]::Floor($Runs / 2)]
}

Push-Location $repoRoot
try {
    $null = Measure-Median 'exit'   # warm the file cache
    $bare = Measure-Median 'exit'
    $withModule = Measure-Median "Import-Module '$module'; exit"
    $commands = Measure-Median "Import-Module '$module'; `$null = Get-Command -Module Sendense; exit"
}
finally { Pop-Location }

$added = [Math]::Max(0.0, $withModule - $bare)
[pscustomobject]@{
    Title       = 'Import time'
    Description = "Median of $Runs fresh ``dotnet pwsh`` processes each; the module's dependencies are not loaded until a hub cmdlet runs."
    Rows        = @(
        [pscustomobject]@{ Metric = 'bare pwsh start (-c exit)'; Value = $bare; Unit = 's' }
        [pscustomobject]@{ Metric = 'pwsh start + Import-Module Sendense'; Value = $withModule; Unit = 's' }
        [pscustomobject]@{ Metric = 'time added by Import-Module'; Value = $added; Unit = 's'; Target = '< 0.5 s'; Pass = ($added -lt 0.5) }
        [pscustomobject]@{ Metric = 'pwsh start + import + Get-Command -Module Sendense'; Value = $commands; Unit = 's' }
    )
    Notes       = @('For scale: PowerCLI''s full import is measured in tens of seconds (powershell-anchors.md).')
} | ConvertTo-Json -Depth 5 | Set-Content -Path $ResultPath
