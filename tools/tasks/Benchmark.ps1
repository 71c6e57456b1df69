# The Bench task: every bench/*.Bench.ps1 runs in its own fresh pwsh on the real rig (private MariaDB, simulator
# launcher) and writes a JSON result; this task renders them all, with the machine they ran on, to docs/benchmarks.md.
#
# A bench script takes -ResultPath and writes:
#   { "Title": "...", "Description": "...", "Rows": [ { "Metric": "...", "Value": 1.23, "Unit": "s",
#     "Target": "< 3 s", "Pass": true } ], "Notes": [ "..." ] }

function Invoke-Benchmark {
    param([Parameter(Mandatory)][string] $RepoRoot, [string[]] $Name)
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

    $rig = $null
    $previousMysql = $env:SENDENSE_TEST_MYSQL
    $failures = 0
    try {
        # Benchmarks run against MariaDB as an appliance runs it (a log flush per commit), not the test rig's fast mode.
        $rig = Start-RigMariaDb -Durable
        $env:SENDENSE_TEST_MYSQL = $rig.ConnectionString
        foreach ($script in $scripts) {
            $resultPath = Join-Path $resultsDir ($script.BaseName + '.json')
            Write-Host "Benchmark $($script.BaseName)..."
            $exit = Invoke-ChildPwsh -RepoRoot $RepoRoot -File $script.FullName -Arguments @('-ResultPath', $resultPath)
            if ($exit -ne 0 -or -not (Test-Path $resultPath)) {
                Write-Host "  failed (exit $exit)"
                $failures++
            }
        }
    }
    finally {
        if ($rig) { Stop-RigMariaDb $rig }
        $env:SENDENSE_TEST_MYSQL = $previousMysql
    }

    $results = Get-ChildItem $resultsDir -Filter '*.json' | Sort-Object Name | ForEach-Object { Get-Content $_.FullName -Raw | ConvertFrom-Json }
    $markdown = Format-BenchmarkReport -Results $results -RepoRoot $RepoRoot
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
