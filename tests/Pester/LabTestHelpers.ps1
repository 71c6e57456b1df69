# Shared by the tests that start the lab as a user does (Rig.Tests.ps1, TestingGuide.Tests.ps1): child processes of
# build.ps1, and how to tell that nothing of a lab is left running.

# Alive and not a zombie (an exited child its parent, or init, has not reaped yet).
function Test-Alive([int] $Id) {
    $stat = Get-Content "/proc/$Id/stat" -Raw -ErrorAction SilentlyContinue
    [bool]($stat -and $stat.Substring($stat.LastIndexOf(')') + 2)[0] -ne 'Z')
}

# Processes (not zombies) whose command line or environment mentions the text: how the lab tests find anything
# of a lab that a stop left behind (MariaDB names its data folder on its command line, the simulator has its
# temporary folder in TMPDIR).
function Get-ProcessMentioning([string] $Text) {
    if (-not $Text) { throw 'Get-ProcessMentioning needs a text to look for.' }
    foreach ($dir in Get-ChildItem /proc -Directory | Where-Object Name -Match '^\d+$') {
        $cmdline = Get-Content "$($dir.FullName)/cmdline" -Raw -ErrorAction SilentlyContinue
        $environ = Get-Content "$($dir.FullName)/environ" -Raw -ErrorAction SilentlyContinue
        if ((("$cmdline" + "$environ").Contains($Text)) -and (Test-Alive ([int]$dir.Name)) -and [int]$dir.Name -ne $PID) {
            [pscustomobject]@{ Id = [int]$dir.Name; CommandLine = "$cmdline".Replace([char]0, ' ') }
        }
    }
}

function Invoke-Build([string[]] $Arguments) {
    Push-Location (Get-RigRepositoryRoot)
    try {
        $output = & dotnet pwsh -NoProfile -NonInteractive -File ./build.ps1 @Arguments 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ Output = $output -join "`n"; ExitCode = $LASTEXITCODE }
    }
    finally { Pop-Location }
}
