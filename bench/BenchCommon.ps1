# Shared by the bench scripts: which build of the module to measure. build.ps1 -Task Bench -BenchBaseline <rev> runs
# every script twice, once with SENDENSE_BENCH_MODULE naming the module built from that revision.
function Get-BenchModulePath {
    if ($env:SENDENSE_BENCH_MODULE) { return $env:SENDENSE_BENCH_MODULE }
    Join-Path (Resolve-Path (Join-Path $PSScriptRoot '..')).Path 'out/Sendense/Sendense.psd1'
}
