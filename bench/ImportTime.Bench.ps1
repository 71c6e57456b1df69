<#
.SYNOPSIS
How much Import-Module Sendense adds to a bare pwsh start: N rounds of fresh processes, interleaved (`pwsh -c exit`,
`pwsh -c "Import-Module out/Sendense; exit"`, the same with Get-Command), and the import timed inside pwsh.
#>
param([Parameter(Mandatory)][string] $ResultPath, [int] $Runs = 9)
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
$module = Get-BenchModulePath

function Measure-Run([string] $command) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & dotnet pwsh -NoProfile -NonInteractive -Command $command
    $watch.Stop()
    [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; Output = $output }
}

function Get-Median([double[]] $values) { ($values | Sort-Object)[[int][Math]::Floor($values.Count / 2)] }

# The runs are interleaved (bare, with the module, with Get-Command, then again) and "time added" is the median of
# each round's own difference: a whole pwsh start varies by 150-250 ms from run to run on the bench machine, so the
# difference of two medians taken a minute apart said more about the machine's drift than about the module. The
# import is also timed inside each process (Stopwatch around Import-Module), which no process start blurs.
Push-Location $repoRoot
try {
    $null = Measure-Run 'exit'   # warm the file cache
    $rounds = foreach ($i in 1..$Runs) {
        $bareRun = Measure-Run 'exit'
        $moduleRun = Measure-Run "`$w = [System.Diagnostics.Stopwatch]::StartNew(); Import-Module '$module'; [Console]::Out.Write(`$w.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture)); exit"
        $commandsRun = Measure-Run "Import-Module '$module'; `$null = Get-Command -Module Sendense; exit"
        [pscustomobject]@{
            Bare     = $bareRun.Seconds
            Module   = $moduleRun.Seconds
            Commands = $commandsRun.Seconds
            Added    = [Math]::Max(0.0, $moduleRun.Seconds - $bareRun.Seconds)
            Inside   = [double]::Parse((-join $moduleRun.Output), [cultureinfo]::InvariantCulture)
        }
    }
}
finally { Pop-Location }

$bare = Get-Median $rounds.Bare
$withModule = Get-Median $rounds.Module
$commands = Get-Median $rounds.Commands
$added = Get-Median $rounds.Added
$inside = Get-Median $rounds.Inside
[pscustomobject]@{
    Title       = 'Import time'
    Description = "Median of $Runs fresh ``dotnet pwsh`` processes each, interleaved; time added is the median of each round's own difference. The module's dependencies are not loaded until a hub cmdlet runs."
    Rows        = @(
        [pscustomobject]@{ Metric = 'bare pwsh start (-c exit)'; Value = $bare; Unit = 's' }
        [pscustomobject]@{ Metric = 'pwsh start + Import-Module Sendense'; Value = $withModule; Unit = 's' }
        [pscustomobject]@{ Metric = 'time added by Import-Module'; Value = $added; Unit = 's'; Target = '< 0.5 s'; Pass = ($added -lt 0.5) }
        [pscustomobject]@{ Metric = 'Import-Module alone, timed inside pwsh'; Value = $inside; Unit = 's' }
        [pscustomobject]@{ Metric = 'pwsh start + import + Get-Command -Module Sendense'; Value = $commands; Unit = 's' }
    )
    Notes       = @('For scale: PowerCLI''s full import is measured in tens of seconds (powershell-anchors.md).')
} | ConvertTo-Json -Depth 5 | Set-Content -Path $ResultPath
