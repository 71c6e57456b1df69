function Restore-ToolPackages {
    <# Restores tools/packages/Packages.csproj and returns the NuGet package root it used. #>
    param([Parameter(Mandatory)][string] $RepoRoot)
    Invoke-DotNet restore (Join-Path $RepoRoot 'tools/packages/Packages.csproj') --nologo -v quiet
    Get-NuGetPackageRoot
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list
    if ($LASTEXITCODE -eq 0 -and $line -match 'global-packages:\s*(.+)$') { return $Matches[1].Trim() }
    Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages'
}

function Get-PesterModulePath {
    param([Parameter(Mandatory)][string] $RepoRoot)
    $root = Restore-ToolPackages -RepoRoot $RepoRoot
    $path = Join-Path $root 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $path)) { throw "Pester 5.7.1 was not found at $path after restoring tools/packages/Packages.csproj." }
    $path
}
