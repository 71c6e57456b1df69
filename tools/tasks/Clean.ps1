function Invoke-Clean {
    param([Parameter(Mandatory)][string] $RepoRoot)
    foreach ($dir in @(Join-Path $RepoRoot 'out') + (Get-ChildItem -Path (Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'tests') -Directory -Recurse -Include bin, obj -ErrorAction SilentlyContinue | ForEach-Object FullName)) {
        if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    }
    Write-Host 'Cleaned.'
}
