# The Package task: a PowerShell Gallery-ready nupkg of out/Sendense, made by PSResourceGet's own packer
# (Compress-PSResource, shipped with PowerShell 7.4+), so the nuspec, tags and file layout are exactly what
# Publish-PSResource would upload. It runs in a fresh pwsh: packing validates the manifest, which may load the module.

function Invoke-ModulePackage {
    param([Parameter(Mandatory)][string] $RepoRoot)
    $packageDir = Join-Path $RepoRoot 'out/package'
    if (Test-Path $packageDir) { Remove-Item $packageDir -Recurse -Force }
    New-Item -ItemType Directory -Path $packageDir -Force | Out-Null
    $exit = Invoke-ChildPwsh -RepoRoot $RepoRoot -File (Join-Path $RepoRoot 'tools/package/New-ModulePackage.ps1') -Arguments @(
        '-ModuleDirectory', (Join-Path $RepoRoot 'out/Sendense'), '-DestinationPath', $packageDir)
    if ($exit -ne 0) { throw "Packaging failed (exit $exit)." }
    $package = Get-ChildItem $packageDir -Filter '*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "No nupkg was written to $packageDir." }
    Write-Host "Package ready: $($package.FullName)"
}
