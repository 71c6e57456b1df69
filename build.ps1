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
  Lab      starts a private hub database (upstream schema) and a vCenter simulator for manual work, prints their
           connection values and writes them to out/lab (lab.json, lab.env, lab.ps1); runs until Ctrl+C, or with
           -Detach in the background until -Task Lab -Stop (see docs/testing-lab.md)
  Clean    removes out/ and the build folders

.EXAMPLE
dotnet pwsh ./build.ps1 -Task Test

.EXAMPLE
dotnet pwsh ./build.ps1 -Task Build, Lab -Detach -LabVM 50
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
    [string[]] $BenchName,

    # Bench only: also measure the module built from this revision, in the same run, and report the ratios.
    [string] $BenchBaseline,

    # Bench with -BenchBaseline: run the revision and this one alternately this many times and compare medians, so a
    # machine whose speed drifts over minutes (a shared VM host) does not decide the ratios.
    [ValidateRange(1, 9)]
    [int] $BenchRounds = 1,

    # Lab only: the simulator's topology (datacenters; clusters per datacenter; hosts per cluster; standalone hosts per
    # datacenter; VMs per resource pool or standalone host; templates per datacenter), then -LabTopology: any
    # Start-RigSimulator parameter, as a hashtable or a JSON object (e.g. '{"VMFolder":["Prod/Web"],"Tls":false}').
    [int] $LabDatacenter,
    [int] $LabCluster,
    [int] $LabClusterHost,
    [int] $LabStandaloneHost,
    [int] $LabVM,
    [int] $LabTemplate,
    [object] $LabTopology,
    # Lab only: the hub database's name, the folder of the lab's files (default out/lab), one control command for the
    # running lab's simulator (e.g. 'poweroff DC0_H0_VM0'), run in the background, stop a running lab.
    [string] $LabDatabase = 'migratekit_oma',
    [string] $LabDirectory,
    [string] $LabCommand,
    [switch] $Detach,
    [switch] $Stop
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
    Lab     = 'keep a private hub database and simulator up for manual work (-Detach, -Stop)'
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
                Invoke-Benchmark -RepoRoot $RepoRoot -Name $BenchName -Baseline $BenchBaseline -Rounds $BenchRounds
            }
            'Package' {
                Invoke-ModuleBuild -RepoRoot $RepoRoot -Configuration 'Release'
                Invoke-ModulePackage -RepoRoot $RepoRoot; 0
            }
            'Demo' {
                Invoke-ModuleBuild -RepoRoot $RepoRoot -Configuration $Configuration
                Invoke-Demo -RepoRoot $RepoRoot
            }
            'Lab' {
                $counts = @{}
                foreach ($key in 'Datacenter', 'Cluster', 'ClusterHost', 'StandaloneHost', 'VM', 'Template') {
                    if ($PSBoundParameters.ContainsKey("Lab$key")) { $counts[$key] = $PSBoundParameters["Lab$key"] }
                }
                Invoke-Lab -RepoRoot $RepoRoot -Directory $LabDirectory -Topology $LabTopology -Counts $counts -Database $LabDatabase `
                    -Command $LabCommand -Detach:$Detach -Stop:$Stop
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
