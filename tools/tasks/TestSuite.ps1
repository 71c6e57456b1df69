# The Test task: the real rig around both test runners, one summary line at the end.

function Invoke-TestSuite {
    param(
        [Parameter(Mandatory)][string] $RepoRoot,
        [string] $Configuration = 'Release',
        [string[]] $PesterTag,
        [string] $XunitFilter,
        [switch] $SkipXunit,
        [switch] $SkipPester
    )
    $results = Join-Path $RepoRoot 'out/test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Path $results -Force | Out-Null

    Install-RigPrerequisite
    $pester = Get-PesterModulePath -RepoRoot $RepoRoot
    $env:SENDENSE_NUGET_PACKAGES = Get-NuGetPackageRoot
    $launcher = Build-RigSimulator
    $env:SENDENSE_VCSIM_LAUNCHER = $launcher
    $env:SENDENSE_CREDCRYPT = Build-RigCredCrypt
    $env:SENDENSE_HUB_FIXTURES = Join-Path $RepoRoot 'tests/fixtures/sendense-hub'

    $runStarted = (Get-Date).AddSeconds(-1)
    $xunit = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $pesterCounts = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $rig = $null
    $previousMysql = $env:SENDENSE_TEST_MYSQL
    try {
        $rig = Start-RigMariaDb
        $env:SENDENSE_TEST_MYSQL = $rig.ConnectionString
        Write-Host "Test rig: MariaDB on $($rig.Server):$($rig.Port)$(if (-not $rig.Owned) { ' (given by SENDENSE_TEST_MYSQL)' }), simulator launcher $launcher"

        if (-not $SkipXunit) { $xunit = Invoke-XunitTests -RepoRoot $RepoRoot -Configuration $Configuration -ResultsDirectory $results -Filter $XunitFilter }
        if (-not $SkipPester) { $pesterCounts = Invoke-PesterTests -RepoRoot $RepoRoot -PesterPath $pester -ResultsDirectory $results -Tag $PesterTag }
    }
    finally {
        if ($rig) { Stop-RigMariaDb $rig }
        $env:SENDENSE_TEST_MYSQL = $previousMysql
    }

    $leftovers = Stop-LeftoverProcess -Since $runStarted
    $passed = $xunit.Passed + $pesterCounts.Passed
    $failed = $xunit.Failed + $pesterCounts.Failed + $leftovers
    $skipped = $xunit.Skipped + $pesterCounts.Skipped
    Write-Host ("xUnit: {0} passed, {1} failed, {2} skipped; Pester: {3} passed, {4} failed, {5} skipped" -f
        $xunit.Passed, $xunit.Failed, $xunit.Skipped, $pesterCounts.Passed, $pesterCounts.Failed, $pesterCounts.Skipped)
    if ($passed + $failed -eq 0) {
        Write-Host 'No test ran.'
        $failed = [Math]::Max($failed, 1)
    }
    $summary = if ($skipped -gt 0) { "$passed passed, $failed failed, $skipped skipped" } else { "$passed passed, $failed failed" }
    Write-Host $summary
    if ($failed -gt 0) { 1 } else { 0 }
}

function Invoke-XunitTests {
    param([string] $RepoRoot, [string] $Configuration, [string] $ResultsDirectory, [string] $Filter)
    $project = Join-Path $RepoRoot 'tests/Sendense.Tests/Sendense.Tests.csproj'
    $trx = 'xunit.trx'
    $arguments = @('test', $project, '-c', $Configuration, '--nologo', '--results-directory', $ResultsDirectory,
        '--logger', "trx;LogFileName=$trx", '--logger', 'console;verbosity=normal')
    if ($Filter) { $arguments += @('--filter', $Filter) }
    Write-Host 'Running xUnit tests...'
    & dotnet @arguments | ForEach-Object {
        # Keep the console readable: failures and the runner summary, not every passing test name.
        if ($_ -notmatch '^\s+Passed ') { Write-Host $_ }
    }
    $exit = $LASTEXITCODE
    $file = Join-Path $ResultsDirectory $trx
    if (-not (Test-Path $file)) {
        Write-Host "xUnit produced no result file (dotnet test exit $exit): counted as one failure."
        return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    [xml] $doc = Get-Content $file -Raw
    $counters = $doc.TestRun.ResultSummary.Counters
    $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    if ($exit -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = $failed; Skipped = [int]$counters.notExecuted }
}

function Invoke-PesterTests {
    param([string] $RepoRoot, [string] $PesterPath, [string] $ResultsDirectory, [string[]] $Tag)
    $summaryFile = Join-Path $ResultsDirectory 'pester-summary.json'
    $arguments = @('-PesterPath', $PesterPath, '-TestPath', (Join-Path $RepoRoot 'tests/Pester'), '-SummaryPath', $summaryFile,
        '-ResultPath', (Join-Path $ResultsDirectory 'pester.xml'))
    if ($Tag) { $arguments += @('-Tag', ($Tag -join ',')) }
    Write-Host 'Running Pester tests...'
    $exit = Invoke-ChildPwsh -RepoRoot $RepoRoot -File (Join-Path $RepoRoot 'tests/tools/Invoke-PesterSuite.ps1') -Arguments $arguments
    if (-not (Test-Path $summaryFile)) {
        Write-Host "Pester produced no summary (exit $exit): counted as one failure."
        return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    $summary = Get-Content $summaryFile -Raw | ConvertFrom-Json
    [pscustomobject]@{ Passed = [int]$summary.Passed; Failed = [int]$summary.Failed; Skipped = [int]$summary.Skipped }
}

function Stop-LeftoverProcess {
    # The rig's servers must all be gone when the run ends: anything this run started and left behind is a defect of
    # the tests (a missing Stop-RigSimulator, say). Such processes are killed and counted as one failure. Only this
    # run's own processes count (its descendants, or a MariaDB whose rig folder names this process as its owner):
    # other runs on the same machine (another checkout, a lab) are left alone.
    param([datetime] $Since)
    $names = 'mariadbd', 'mysqld', 'vcsim-launcher', 'govmomi-discovery', 'credcrypt'
    $mine = Get-DescendantProcessId -Root $PID
    $left = @(Get-Process -Name $names -ErrorAction SilentlyContinue | Where-Object {
            $_.StartTime -ge $Since -and ($mine.Contains($_.Id) -or (Test-OwnRigServer -ProcessId $_.Id))
        })
    if ($left.Count -eq 0) { return 0 }
    Write-Host "The test run left $($left.Count) process(es) running: $(($left | ForEach-Object { "$($_.ProcessName) ($($_.Id))" }) -join ', '). Stopping them; counted as one failure."
    $left | ForEach-Object { try { $_.Kill() } catch { } }
    1
}

function Get-DescendantProcessId {
    # Every process below Root, from the parent ids in /proc/<pid>/stat.
    param([int] $Root)
    $children = @{}
    foreach ($stat in Get-ChildItem /proc -Directory -ErrorAction SilentlyContinue | Where-Object Name -match '^\d+$') {
        $text = Get-Content (Join-Path $stat.FullName 'stat') -Raw -ErrorAction SilentlyContinue
        if (-not $text) { continue }
        # The command name is in parentheses and may contain spaces; the parent id is the second field after it.
        $fields = $text.Substring($text.LastIndexOf(')') + 2).Split(' ')
        $parent = [int]$fields[1]
        if (-not $children.ContainsKey($parent)) { $children[$parent] = [System.Collections.Generic.List[int]]::new() }
        $children[$parent].Add([int]$stat.Name)
    }
    $found = [System.Collections.Generic.HashSet[int]]::new()
    $queue = [System.Collections.Generic.Queue[int]]::new()
    $queue.Enqueue($Root)
    while ($queue.Count -gt 0) {
        $current = $queue.Dequeue()
        if ($children.ContainsKey($current)) {
            foreach ($child in $children[$current]) { if ($found.Add($child)) { $queue.Enqueue($child) } }
        }
    }
    , $found
}

function Test-OwnRigServer {
    # A MariaDB of the rig whose folder says this process started it (it may have been re-parented).
    param([int] $ProcessId)
    $cmdline = Get-Content "/proc/$ProcessId/cmdline" -Raw -ErrorAction SilentlyContinue
    if ($cmdline -notmatch 'sendense-rig-[^\x00/]*') { return $false }
    $owner = Join-Path ([System.IO.Path]::GetTempPath()) (Join-Path $Matches[0] 'owner.pid')
    (Test-Path $owner) -and ([int](Get-Content $owner -Raw) -eq $PID)
}
