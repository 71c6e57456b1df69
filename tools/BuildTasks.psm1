# The tasks behind build.ps1, one file each under tasks/. Kept out of build.ps1 so that each task reads on its own.
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

foreach ($file in Get-ChildItem -Path (Join-Path $PSScriptRoot 'tasks') -Filter '*.ps1' | Sort-Object Name) {
    . $file.FullName
}

Export-ModuleMember -Function Invoke-ModuleBuild, Invoke-TestSuite, Invoke-Benchmark, Invoke-ModulePackage, Invoke-Demo, Invoke-Lab, Invoke-Clean,
    Invoke-DotNet, Get-PwshCommandLine, Invoke-ChildPwsh
