<#
.SYNOPSIS
Runs the guides against the rig and writes each block's real output into the ```text block after it.
.DESCRIPTION
The guides show what the commands really print. After a change to a view or a cmdlet, run this (from the repository
root, after ./build.ps1 -Task Build) and review the diff: tests/Pester/Guides.Tests.ps1 fails while a documented
output's shape (table headers, list property names) differs from what the command prints.
.EXAMPLE
dotnet pwsh ./tools/docs/Update-GuideOutput.ps1 -Guide docs/user-guide.md
#>
[CmdletBinding()]
param([string[]] $Guide = @('docs/user-guide.md', 'docs/integration-guide.md', 'docs/testing-guide.md'))
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $repoRoot 'tests/tools/TestRig.psm1')
Import-Module (Join-Path $repoRoot 'tests/tools/GuideRun.psm1')
$topology = Get-GuideTopology
$rig = Start-RigMariaDb
try {
    foreach ($path in $Guide) {
        $full = Join-Path $repoRoot $path
        $simulators = @(Start-RigSimulators -Topology $topology, $topology)
        try { $blocks = Invoke-GuideOnRig -Path $full -MySqlConnectionString $rig.ConnectionString -ModulePath (Join-Path $repoRoot 'out/Sendense/Sendense.psd1') -Simulator $simulators }
        finally { foreach ($s in $simulators) { Stop-RigSimulator $s } }
        $lines = [System.Collections.Generic.List[string]]::new([string[]][System.IO.File]::ReadAllLines($full))
        # From the last block up, so earlier line numbers stay right.
        foreach ($block in @($blocks | Where-Object { $_.Kind -eq 'Run' -and $_.Result } | Sort-Object Line -Descending)) {
            foreach ($e in $block.Result.Errors) { if (-not $block.ExpectError) { Write-Warning "$path block at line $($block.Line): $($e.Id): $($e.Message)" } }
            $end = $block.Line
            while ($lines[$end] -notmatch '^```\s*$') { $end++ }
            $next = $end + 1
            while ($next -lt $lines.Count -and [string]::IsNullOrWhiteSpace($lines[$next])) { $next++ }
            if ($next -lt $lines.Count -and $lines[$next] -match '^```text\s*$') {
                $close = $next + 1
                while ($lines[$close] -notmatch '^```\s*$') { $close++ }
                $lines.RemoveRange($end + 1, $close - $end)
            }
            # As the console shows them: the output, then each error as "<Command>: <message>" (an expected error's
            # message belongs to the documentation; its id is what the test checks).
            $shown = ($block.Result.Output -replace "`r", '').Trim("`n")
            foreach ($e in $block.Result.Errors) { $shown += "`n$($e.Command): $($e.Message)" }
            $text = $shown.Trim("`n") -split "`n" | ForEach-Object { $_.TrimEnd() }
            if (-not (($text -join '').Trim())) { continue }
            $lines.InsertRange($end + 1, [string[]](@('', '```text') + $text + '```'))
        }
        [System.IO.File]::WriteAllLines($full, $lines)
        Write-Host "Updated $path"
    }
}
finally { Stop-RigMariaDb $rig }
