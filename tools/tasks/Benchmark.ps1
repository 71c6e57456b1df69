# The Bench task: every bench/*.Bench.ps1 runs in its own fresh pwsh on the real rig (private MariaDB, simulator
# launcher) and writes a JSON result; this task renders them all, with the machine they ran on, to docs/benchmarks.md.
#
# A bench script takes -ResultPath and writes:
#   { "Title": "...", "Description": "...", "Rows": [ { "Metric": "...", "Value": 1.23, "Unit": "s",
#     "Target": "< 3 s", "Pass": true } ], "Notes": [ "..." ] }

function Invoke-Benchmark {
    # -Baseline <revision>: every script runs twice, with the module built from that revision and with this one, and the
    # report adds a table of both with their ratios (a refactoring must not cost speed).
    # -Rounds N (with -Baseline): the revision and this one run alternately N times per script, the order swapped every
    # other round; every timing is the median of its N runs (Merge-BenchRounds), so a drift of the machine's speed
    # weighs on both sides alike.
    param([Parameter(Mandatory)][string] $RepoRoot, [string[]] $Name, [string] $Baseline, [int] $Rounds = 1)
    Install-RigPrerequisite
    $env:SENDENSE_VCSIM_LAUNCHER = Build-RigSimulator
    $env:SENDENSE_HUB_FIXTURES = Join-Path $RepoRoot 'tests/fixtures/sendense-hub'
    $resultsDir = Join-Path $RepoRoot 'out/bench'
    if (Test-Path $resultsDir) { Remove-Item $resultsDir -Recurse -Force }
    New-Item -ItemType Directory -Path $resultsDir -Force | Out-Null

    $scripts = Get-ChildItem (Join-Path $RepoRoot 'bench') -Filter '*.Bench.ps1' | Sort-Object Name
    # `pwsh -File build.ps1 -BenchName A,B` passes one string: accept commas as well as an array.
    $Name = @($Name | ForEach-Object { $_ -split ',' } | ForEach-Object Trim | Where-Object { $_ })
    if ($Name) { $scripts = $scripts | Where-Object { $Name -contains $_.BaseName.Replace('.Bench', '') } }
    if (-not $scripts) { throw 'No benchmark scripts found in bench/.' }

    $baselineModule = if ($Baseline) { Build-BaselineModule -RepoRoot $RepoRoot -Revision $Baseline } else { $null }
    $rig = $null
    $previousMysql = $env:SENDENSE_TEST_MYSQL
    $failures = 0
    try {
        # Benchmarks run against MariaDB as an appliance runs it (a log flush per commit), not the test rig's fast mode.
        $rig = Start-RigMariaDb -Durable
        $env:SENDENSE_TEST_MYSQL = $rig.ConnectionString
        $rounds = if ($baselineModule) { [Math]::Max(1, $Rounds) } else { 1 }
        foreach ($script in $scripts) {
            foreach ($round in 1..$rounds) {
                $suffix = if ($rounds -gt 1) { ".round$round" } else { '' }
                $label = if ($rounds -gt 1) { " (round $round of $rounds)" } else { '' }
                # The sides swap places every other round (A B, B A, ...): whatever the machine does to the second run
                # of a pair (a simulator or server still busy, caches, the clock) then weighs on both alike.
                # A script that takes -BaselineResultPath measures both modules itself, in turn on the same fixtures
                # (Discovery: one simulator for both, since two simulators differ more than two revisions do).
                if ($baselineModule -and (Get-Command $script.FullName).Parameters.ContainsKey('BaselineResultPath')) {
                    $paths = @{ This = Join-Path $resultsDir ($script.BaseName + $suffix + '.json'); Baseline = Join-Path $resultsDir ($script.BaseName + $suffix + '.baseline.json') }
                    Write-Host "Benchmark $($script.BaseName) beside $Baseline$label..."
                    $arguments = @('-ResultPath', $paths.This, '-BaselineResultPath', $paths.Baseline)
                    if ($round % 2 -eq 0) { $arguments += '-BaselineFirst' }
                    $env:SENDENSE_BENCH_BASELINE_MODULE = $baselineModule
                    try { $exit = Invoke-ChildPwsh -RepoRoot $RepoRoot -File $script.FullName -Arguments $arguments }
                    finally { Remove-Item Env:SENDENSE_BENCH_BASELINE_MODULE -ErrorAction SilentlyContinue }
                    if ($exit -ne 0 -or -not (Test-Path $paths.This)) { Write-Host "  failed (exit $exit)"; $failures++ }
                    continue
                }
                $sides = @(
                    if ($baselineModule) { @{ Module = $baselineModule; Label = " with $Baseline"; Path = Join-Path $resultsDir ($script.BaseName + $suffix + '.baseline.json') } }
                    @{ Module = $null; Label = ''; Path = Join-Path $resultsDir ($script.BaseName + $suffix + '.json') })
                if ($round % 2 -eq 0) { [array]::Reverse($sides) }
                foreach ($side in $sides) {
                    Write-Host "Benchmark $($script.BaseName)$($side.Label)$label..."
                    if ($side.Module) { $env:SENDENSE_BENCH_MODULE = $side.Module }
                    try { $exit = Invoke-ChildPwsh -RepoRoot $RepoRoot -File $script.FullName -Arguments @('-ResultPath', $side.Path) }
                    finally { Remove-Item Env:SENDENSE_BENCH_MODULE -ErrorAction SilentlyContinue }
                    if ($exit -ne 0 -or -not (Test-Path $side.Path)) {
                        # A baseline that lacks a feature fails its script; only this revision's failures count.
                        if ($side.Module) { Write-Host "  baseline failed (exit $exit)" }
                        else { Write-Host "  failed (exit $exit)"; $failures++ }
                    }
                }
            }
            if ($rounds -gt 1) {
                Merge-BenchRounds -ResultsDirectory $resultsDir -Name $script.BaseName -Rounds $rounds -Suffix '.json'
                Merge-BenchRounds -ResultsDirectory $resultsDir -Name $script.BaseName -Rounds $rounds -Suffix '.baseline.json'
            }
        }
    }
    finally {
        if ($rig) { Stop-RigMariaDb $rig }
        $env:SENDENSE_TEST_MYSQL = $previousMysql
    }

    $results = Get-ChildItem $resultsDir -Filter '*.json' | Where-Object { $_.Name -notlike '*.baseline.json' -and $_.Name -notlike '*.round*' } | Sort-Object Name |
        ForEach-Object { Get-Content $_.FullName -Raw | ConvertFrom-Json }
    $baselines = @{}
    foreach ($file in Get-ChildItem $resultsDir -Filter '*.baseline.json' | Where-Object Name -NotLike '*.round*') { $baselines[$file.Name -replace '\.baseline\.json$', ''] = Get-Content $file.FullName -Raw | ConvertFrom-Json }
    $markdown = Format-BenchmarkReport -Results $results -RepoRoot $RepoRoot
    if ($Baseline) { $markdown += Format-BaselineComparison -ResultsDirectory $resultsDir -Revision $Baseline -Baselines $baselines -Rounds $rounds }
    Set-Content -Path (Join-Path $RepoRoot 'docs/benchmarks.md') -Value $markdown
    Write-Host $markdown
    $missed = @($results | ForEach-Object { $_.Rows } | Where-Object { $_.PSObject.Properties['Pass'] -and $_.Pass -eq $false }).Count
    if ($missed -gt 0) { Write-Host "$missed benchmark target(s) missed." }
    if ($failures -gt 0) { 1 } else { 0 }
}

function Get-MachineDescription {
    $cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -match '^model name' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
    $memKb = (Get-Content /proc/meminfo -ErrorAction SilentlyContinue | Where-Object { $_ -match '^MemTotal' }) -replace '\D', ''
    $os = (Get-Content /etc/os-release -ErrorAction SilentlyContinue | Where-Object { $_ -match '^PRETTY_NAME=' }) -replace '^PRETTY_NAME="?|"$', ''
    $mariadb = (& (Get-Command mariadbd, mysqld -ErrorAction SilentlyContinue | Select-Object -First 1).Source --version 2>$null) -join ' '
    [ordered]@{
        CPU         = "$cpu ($([Environment]::ProcessorCount) cores)"
        Memory      = if ($memKb) { '{0:N1} GiB' -f ([double]$memKb / 1MB) } else { 'unknown' }
        OS          = $os
        '.NET'      = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        PowerShell  = $PSVersionTable.PSVersion.ToString()
        MariaDB     = $mariadb
        Simulator   = 'govmomi vcsim 0.24.2 (Debian golang-github-vmware-govmomi-dev) via tests/tools/vcsim'
        Date        = (Get-Date).ToString('yyyy-MM-dd HH:mm K')
    }
}

function Format-BenchmarkReport {
    param($Results, [string] $RepoRoot)
    $nl = [Environment]::NewLine
    $text = [System.Text.StringBuilder]::new()
    [void]$text.Append("# Benchmarks$nl$nl")
    [void]$text.Append("Written by ``dotnet pwsh ./build.ps1 -Task Bench``; do not edit by hand. Every figure comes from the real rig: a private MariaDB server (with MariaDB's default durability, a log flush per commit, as an appliance runs it) and the govmomi vCenter simulator on this machine, each benchmark in a fresh ``pwsh``, one after another on an otherwise idle machine.$nl$nl")
    [void]$text.Append("## Machine$nl$nl| | |$nl|---|---|$nl")
    foreach ($entry in (Get-MachineDescription).GetEnumerator()) { [void]$text.Append("| $($entry.Key) | $($entry.Value) |$nl") }
    foreach ($result in $Results) {
        [void]$text.Append("$nl## $($result.Title)$nl$nl")
        if ($result.PSObject.Properties['Description'] -and $result.Description) { [void]$text.Append("$($result.Description)$nl$nl") }
        [void]$text.Append("| Metric | Value | Target | Met |$nl|---|---:|---|---|$nl")
        foreach ($row in $result.Rows) {
            $value = if ($row.Value -is [double] -or $row.Value -is [decimal]) { '{0:N3}' -f $row.Value } else { "$($row.Value)" }
            $target = if ($row.PSObject.Properties['Target']) { $row.Target } else { '' }
            $met = if ($row.PSObject.Properties['Pass'] -and $null -ne $row.Pass) { if ($row.Pass) { 'yes' } else { '**no**' } } else { '' }
            [void]$text.Append("| $($row.Metric) | $value $($row.Unit) | $target | $met |$nl")
        }
        if ($result.PSObject.Properties['Notes'] -and $result.Notes) {
            [void]$text.Append($nl)
            foreach ($note in $result.Notes) { [void]$text.Append("- $note$nl") }
        }
    }
    $text.ToString()
}

function Build-BaselineModule {
    # The module as it was at a revision: a detached worktree under out/, built with its own build.ps1.
    param([string] $RepoRoot, [string] $Revision)
    $source = Join-Path $RepoRoot 'out/baseline-src'
    if (Test-Path $source) { & git -C $RepoRoot worktree remove --force $source 2>$null; Remove-Item $source -Recurse -Force -ErrorAction SilentlyContinue }
    & git -C $RepoRoot worktree add --detach $source $Revision | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "Could not check out $Revision for the baseline." }
    $exit = Invoke-ChildPwsh -RepoRoot $source -File (Join-Path $source 'build.ps1') -Arguments @('-Task', 'Build')
    if ($exit -ne 0) { throw "The baseline $Revision did not build (exit $exit)." }
    $module = Join-Path $source 'out/Sendense/Sendense.psd1'
    # The built module is copied out so the worktree can go; the bench only needs the module folder.
    $copy = Join-Path $RepoRoot 'out/baseline/Sendense'
    if (Test-Path $copy) { Remove-Item $copy -Recurse -Force }
    New-Item -ItemType Directory -Path (Split-Path $copy) -Force | Out-Null
    Copy-Item (Split-Path $module) $copy -Recurse
    & git -C $RepoRoot worktree remove --force $source | Out-Null
    Join-Path $copy 'Sendense.psd1'
}

function Merge-BenchRounds {
    # One result from the rounds of a script: each row as it was in the round whose value is that row's median (so
    # its Pass still matches its value); notes and description from the first round.
    param([string] $ResultsDirectory, [string] $Name, [int] $Rounds, [string] $Suffix)
    $runs = @(foreach ($round in 1..$Rounds) {
        $path = Join-Path $ResultsDirectory "$Name.round$round$Suffix"
        if (Test-Path $path) { Get-Content $path -Raw | ConvertFrom-Json }
    })
    if (-not $runs) { return }
    $merged = $runs[0]
    $merged.Rows = @(foreach ($row in $runs[0].Rows) {
        $candidates = @($runs | ForEach-Object { $_.Rows | Where-Object Metric -EQ $row.Metric | Select-Object -First 1 } | Where-Object { $_ })
        if ($row.Value -is [double] -or $row.Value -is [decimal] -or $row.Value -is [long] -or $row.Value -is [int]) {
            $sorted = @($candidates | Sort-Object { [double]$_.Value })
            $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]
        }
        else { $row }
    })
    $merged | ConvertTo-Json -Depth 6 | Set-Content -Path (Join-Path $ResultsDirectory "$Name$Suffix")
}

function Format-BaselineComparison {
    # Every timing row present in both runs: the revision's value, this one's, and the ratio (lower is better).
    param([string] $ResultsDirectory, [string] $Revision, [hashtable] $Baselines, [int] $Rounds = 1)
    $nl = [Environment]::NewLine
    $short = (& git rev-parse --short $Revision 2>$null) ?? $Revision
    $text = [System.Text.StringBuilder]::new()
    [void]$text.Append("$nl## Beside the previous revision ($short)$nl$nl")
    $how = if ($Rounds -gt 1) { "alternately $Rounds times each (the revision then this one, this one then the revision, ...), each figure the median of its $Rounds runs" } else { "first with the module built from $short, then with this one" }
    [void]$text.Append("The same scripts in the same run, $how. Ratio = this / $short; within 10 % means at most 1.10.")
    # The spread of the round-by-round ratios shows how much of a ratio is this machine's noise rather than the code.
    if ($Rounds -gt 1) { [void]$text.Append(" Per round: the lowest and highest of the $Rounds ratios of the rounds taken one by one (this / $short in the same round).") }
    [void]$text.Append("$nl$nl| Benchmark | Metric | $short | this | Ratio | Per round | Within 10 % |$nl|---|---|---:|---:|---:|---:|---|$nl")
    foreach ($file in Get-ChildItem $ResultsDirectory -Filter '*.json' | Where-Object { $_.Name -notlike '*.baseline.json' -and $_.Name -notlike '*.round*' } | Sort-Object Name) {
        $key = $file.BaseName
        if (-not $Baselines.ContainsKey($key)) { continue }
        $current = Get-Content $file.FullName -Raw | ConvertFrom-Json
        $roundPairs = Get-BenchRoundPairs -ResultsDirectory $ResultsDirectory -Name $key -Rounds $Rounds
        foreach ($row in $current.Rows | Where-Object { $_.Unit -in 's', 'ms', 'MB' -and ($_.Value -is [double] -or $_.Value -is [decimal]) }) {
            $before = $Baselines[$key].Rows | Where-Object Metric -EQ $row.Metric | Select-Object -First 1
            if (-not $before -or -not $before.Value) { continue }
            $ratio = [double]$row.Value / [double]$before.Value
            $spread = Get-RoundRatioSpread -RoundPairs $roundPairs -Metric $row.Metric
            [void]$text.Append(("| {0} | {1} | {2:N3} {4} | {3:N3} {4} | {5:N2} | {6} | {7} |" -f $current.Title, $row.Metric, [double]$before.Value, [double]$row.Value, $row.Unit, $ratio, $spread, $(if ($ratio -le 1.10) { 'yes' } else { '**no**' })) + $nl)
        }
    }
    $text.ToString()
}

function Get-BenchRoundPairs {
    # Each round's two results of one script, read once: @{ This = ...; Baseline = ... } per round that has both.
    param([string] $ResultsDirectory, [string] $Name, [int] $Rounds)
    if ($Rounds -le 1) { return @() }
    @(foreach ($round in 1..$Rounds) {
        $thisPath = Join-Path $ResultsDirectory "$Name.round$round.json"
        $basePath = Join-Path $ResultsDirectory "$Name.round$round.baseline.json"
        if ((Test-Path $thisPath) -and (Test-Path $basePath)) {
            @{ This = Get-Content $thisPath -Raw | ConvertFrom-Json; Baseline = Get-Content $basePath -Raw | ConvertFrom-Json }
        }
    })
}

function Get-RoundRatioSpread {
    # "lowest-highest" of this / the revision for one metric, round by round; empty without rounds.
    param([object[]] $RoundPairs, [string] $Metric)
    $ratios = @(foreach ($pair in $RoundPairs) {
        $now = $pair.This.Rows | Where-Object Metric -EQ $Metric | Select-Object -First 1
        $then = $pair.Baseline.Rows | Where-Object Metric -EQ $Metric | Select-Object -First 1
        if ($now -and $then -and [double]$then.Value -gt 0) { [double]$now.Value / [double]$then.Value }
    })
    if (-not $ratios) { return '' }
    $sorted = @($ratios | Sort-Object)
    '{0:N2}-{1:N2}' -f $sorted[0], $sorted[-1]
}
