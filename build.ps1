#!/usr/bin/env pwsh
<#
.SYNOPSIS
The one entry point of the Sendense.PowerShell repository.

.DESCRIPTION
Run it through the pinned PowerShell tool: `dotnet tool restore && dotnet pwsh ./build.ps1 -Task <Task>`.

  Build    assembles the importable module in out/Sendense (manifest, assemblies, views, help; dependencies/ isolated)
  Test     starts a private MariaDB, builds the vCenter simulator, runs xUnit and Pester, stops everything, and prints
           one line "N passed, N failed, N skipped"; exits non-zero if anything failed or nothing ran
  Bench    runs the benchmarks on the real rig and writes docs/benchmarks.md
  Package  writes a PowerShell Gallery-ready nupkg of the module to out/package
  Demo     starts a private hub database and a vCenter simulator and runs discovery -> add -> group, as tables
  Clean    removes out/ and the build folders

.EXAMPLE
dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Test only: a Pester tag filter and an xUnit filter, for quick local loops.
    [string[]] $PesterTag,
    [string] $XunitFilter,
    [switch] $SkipXunit,
    [switch] $SkipPester,

    # Bench only: run just these bench/<Name>.Bench.ps1 scripts (default: all of them).
    [string[]] $BenchName
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$RepoRoot = $PSScriptRoot
$OutDir = Join-Path $RepoRoot 'out'
$ModuleOut = Join-Path $OutDir 'Sendense'
$KnownTasks = [ordered]@{
    Build   = 'assemble the importable module in out/Sendense'
    Test    = 'run every xUnit and Pester test on the real rig (MariaDB + vCenter simulator)'
    Bench   = 'run the benchmarks and write docs/benchmarks.md'
    Package = 'write a PowerShell Gallery-ready nupkg to out/package'
    Demo    = 'run discovery -> add -> group against a private hub database and simulator'
    Clean   = 'remove out/ and build folders'
}

Import-Module (Join-Path $RepoRoot 'tests/tools/TestRig.psm1') -Force
Import-Module (Join-Path $RepoRoot 'tools/BuildTasks.psm1') -Force

foreach ($name in $Task) {
    if (-not $KnownTasks.Contains($name)) {
        $list = ($KnownTasks.GetEnumerator() | ForEach-Object { "  {0,-8} {1}" -f $_.Key, $_.Value }) -join [Environment]::NewLine
        Write-Error -Message "Unknown task '$name'. The tasks are:$([Environment]::NewLine)$list" -Category InvalidArgument -ErrorId 'UnknownTask' -ErrorAction Continue
        exit 2
    }
}

Push-Location $RepoRoot
try {
    $exitCode = 0
    foreach ($name in $Task) {
        $exitCode = switch ($name) {
            'Build' { Invoke-ModuleBuild -RepoRoot $RepoRoot -Configuration $Configuration; 0 }
            'Test' {
                Invoke-ModuleBuild -RepoRoot $RepoRoot -Configuration $Configuration
                Invoke-TestSuite -RepoRoot $RepoRoot -Configuration $Configuration -PesterTag $PesterTag -XunitFilter $XunitFilter `
                    -SkipXunit:$SkipXunit -SkipPester:$SkipPester
            }
            'Bench' {
                Invoke-ModuleBuild -RepoRoot $RepoRoot -Configuration 'Release'
                Invoke-Benchmark -RepoRoot $RepoRoot -Name $BenchName
            }
            'Package' {
                Invoke-ModuleBuild -RepoRoot $RepoRoot -Configuration 'Release'
                Invoke-ModulePackage -RepoRoot $RepoRoot; 0
            }
            'Demo' {
                Invoke-ModuleBuild -RepoRoot $RepoRoot -Configuration $Configuration
                Invoke-Demo -RepoRoot $RepoRoot
            }
            'Clean' { Invoke-Clean -RepoRoot $RepoRoot; 0 }
        }
        if ($exitCode -ne 0) { break }
    }
}
finally {
    Pop-Location
}
exit $exitCode
