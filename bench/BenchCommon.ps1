# Shared by the bench scripts: which build of the module to measure. build.ps1 -Task Bench -BenchBaseline <rev> runs
# every script twice, once with SENDENSE_BENCH_MODULE naming the module built from that revision.
function Get-BenchModulePath {
    if ($env:SENDENSE_BENCH_MODULE) { return $env:SENDENSE_BENCH_MODULE }
    Join-Path (Resolve-Path (Join-Path $PSScriptRoot '..')).Path 'out/Sendense/Sendense.psd1'
}

function Measure-Seconds([scriptblock] $Script) {
    <# Wall-clock seconds of one run of the script block, its output discarded. #>
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $null = & $Script
    $watch.Stop()
    $watch.Elapsed.TotalSeconds
}

# The median of an odd number of runs (every bench takes 3, 5 or 9); for an even count, the lower middle value.
function Get-Median([double[]] $Values) { ($Values | Sort-Object)[[int][Math]::Floor(($Values.Count - 1) / 2)] }
