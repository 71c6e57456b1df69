<#
.SYNOPSIS
Packs the built module into a PowerShell Gallery nupkg and checks what went in: manifest metadata the Gallery needs,
the module's files, and nothing that must not ship (System.Management.Automation, test files, pdbs of others).
#>
param(
    [Parameter(Mandatory)][string] $ModuleDirectory,
    [Parameter(Mandatory)][string] $DestinationPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$manifestPath = Join-Path $ModuleDirectory 'Sendense.psd1'
$manifest = Test-ModuleManifest -Path $manifestPath
foreach ($field in 'Description', 'Author', 'ProjectUri', 'LicenseUri') {
    $value = if ($field -in 'ProjectUri', 'LicenseUri') { $manifest.PrivateData.PSData[$field] } else { $manifest.$field }
    if (-not $value) { throw "The manifest lacks $field, which the PowerShell Gallery shows on the package page." }
}
if (-not $manifest.ExportedCmdlets.Count) { throw 'The manifest exports no cmdlets.' }

Compress-PSResource -Path $ModuleDirectory -DestinationPath $DestinationPath

$package = Get-ChildItem $DestinationPath -Filter '*.nupkg' | Select-Object -First 1
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead($package.FullName)
try {
    $entries = $zip.Entries.FullName
    foreach ($required in 'Sendense.psd1', 'Sendense.PowerShell.dll', 'Sendense.Core.dll', 'dependencies/Sendense.Hub.dll', 'dependencies/MySqlConnector.dll') {
        if ($entries -notcontains $required) { throw "The package lacks $required." }
    }
    if ($entries | Where-Object { $_ -match 'System\.Management\.Automation' }) { throw 'The package contains System.Management.Automation.' }
    $nuspec = $zip.Entries | Where-Object { $_.FullName -like '*.nuspec' } | Select-Object -First 1
    $reader = [System.IO.StreamReader]::new($nuspec.Open())
    [xml] $spec = $reader.ReadToEnd()
    $reader.Dispose()
    $metadata = $spec.package.metadata
    if ($metadata.tags -notmatch '\bPSModule\b') { throw "The nuspec tags lack PSModule (the Gallery files the package under modules by it): $($metadata.tags)" }
    foreach ($field in 'id', 'version', 'authors', 'description', 'projectUrl') {
        if (-not $metadata.$field) { throw "The nuspec lacks <$field>." }
    }
    Write-Host "Packed $($package.Name): $($entries.Count) files, version $($spec.package.metadata.version)."
}
finally { $zip.Dispose() }
