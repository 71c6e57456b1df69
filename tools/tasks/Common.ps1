function Invoke-DotNet {
    # Runs the dotnet CLI and throws when it fails. A plain function on purpose: $args passes "-o" and friends through
    # untouched, where an advanced function would try to bind them as its own common parameters.
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-PwshCommandLine {
    <# The pinned PowerShell (the local dotnet tool) as a command and its leading arguments. #>
    @('dotnet', 'pwsh')
}

function Invoke-ChildPwsh {
    <#
    Runs a script file in a fresh `dotnet pwsh -NoProfile -NonInteractive` from the repository root, so tests and
    benchmarks never share a session (or loaded assemblies) with the build.
    #>
    param(
        [Parameter(Mandatory)][string] $RepoRoot,
        [Parameter(Mandatory)][string] $File,
        [string[]] $Arguments = @()
    )
    $command = Get-PwshCommandLine
    Push-Location $RepoRoot
    try {
        & $command[0] $command[1..($command.Count - 1)] -NoProfile -NonInteractive -File $File @Arguments | Out-Host
        $LASTEXITCODE
    }
    finally { Pop-Location }
}
