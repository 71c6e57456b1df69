# docs/testing-guide.md section 3, done as a user does it: start the lab detached with build.ps1, load its values
# with out/lab/lab.ps1 in a fresh pwsh, run the guide's sample test file (docs/examples/Invoke-Onboarding.Tests.ps1)
# against it with Pester, stop the lab, and check that nothing of it is left running.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'LabTestHelpers.ps1')
    $script:LabDir = Join-Path ([System.IO.Path]::GetTempPath()) ('sdguidelab-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $script:PesterPath = (Get-Module Pester).Path
}

AfterAll {
    if (Test-Path (Join-Path $LabDir 'state.json')) { Invoke-Build -Arguments @('-Task', 'Lab', '-Stop', '-LabDirectory', $LabDir) | Out-Null }
    Remove-Item $LabDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The testing guide''s lab and sample tests' -Tag Guides, Lab {
    It 'starts the lab, passes every sample test against it, and stops it with no process left' {
        # The module is built by the test run; the guide's "-Task Build, Lab -Detach" is "-Task Lab -Detach" after that.
        $started = Invoke-Build -Arguments @('-Task', 'Lab', '-Detach', '-LabDirectory', $LabDir)
        $started.ExitCode | Should -Be 0 -Because $started.Output
        $state = Get-Content (Join-Path $LabDir 'state.json') -Raw | ConvertFrom-Json

        $labScript = Join-Path $LabDir 'lab.ps1'
        $run = Invoke-InFreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
`$env:PSModulePath = '$(Join-Path $RepoRoot 'out')' + [IO.Path]::PathSeparator + `$env:PSModulePath
. '$labScript'
Import-Module '$PesterPath'
`$result = Invoke-Pester -Path ./docs/examples/Invoke-Onboarding.Tests.ps1 -PassThru -Output None
"RESULT `$(`$result.PassedCount) `$(`$result.FailedCount) `$(`$result.SkippedCount) `$(`$result.NotRunCount)"
foreach (`$test in `$result.Failed) { "FAILED `$(`$test.ExpandedPath): `$(`$test.ErrorRecord)" }
"@
        $summary = @($run.Output | Where-Object { $_ -like 'RESULT *' })
        $summary.Count | Should -Be 1 -Because ($run.Output -join [Environment]::NewLine)
        $passed, $failed, $skipped, $notRun = ($summary[0] -split ' ')[1..4] | ForEach-Object { [int]$_ }
        $failed | Should -Be 0 -Because ($run.Output -join [Environment]::NewLine)
        $skipped | Should -Be 0 -Because 'the lab values reach the integration tests'
        $notRun | Should -Be 0
        $passed | Should -Be 5

        $stopped = Invoke-Build -Arguments @('-Task', 'Lab', '-Stop', '-LabDirectory', $LabDir)
        $stopped.ExitCode | Should -Be 0 -Because $stopped.Output
        foreach ($entry in $state.supervisor, $state.mariadb, $state.simulator) { Test-Alive $entry.pid | Should -BeFalse }
        @(Get-ProcessMentioning $state.mariadb.directory) | Should -BeNullOrEmpty
        @(Get-ProcessMentioning $state.simulator.tempDirectory) | Should -BeNullOrEmpty
    }
}
