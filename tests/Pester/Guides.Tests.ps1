# The three guides, run like code: every powershell block not marked illustrative runs in order against a real hub
# database and the vCenter simulator, writes no error (or exactly the one its marker expects), and prints output of
# the shape the guide documents; every Sendense command and parameter a block names, illustrative ones included,
# exists in the module. Conventions: tests/tools/GuideBlocks.psm1 and docs/testing-guide.md.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../tools/GuideBlocks.psm1') -Force
    $docs = Join-Path $PSScriptRoot '../../docs'
    $script:Guides = foreach ($name in 'user-guide.md', 'integration-guide.md', 'testing-guide.md') {
        # Hashtables, so Pester makes each property a variable of the test (and of its name).
        $blocks = @(Get-GuideBlock -Path (Join-Path $docs $name) | ForEach-Object {
                $h = @{}; foreach ($p in $_.PSObject.Properties) { $h[$p.Name] = $p.Value }; $h })
        @{ Guide = $name; Blocks = $blocks; Run = @($blocks | Where-Object { $_.Kind -eq 'Run' }) }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module (Join-Path $PSScriptRoot '../tools/GuideBlocks.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../tools/GuideRun.psm1') -Force
    $topology = Get-GuideTopology
    $names = 'user-guide.md', 'integration-guide.md', 'testing-guide.md'
    # One simulator per guide, two for the integration guide (discovery of several vCenters at once).
    $script:Simulators = @(Start-RigSimulators -Topology @(1..4 | ForEach-Object { $topology }))
    $perGuide = @{ 'user-guide.md' = @($Simulators[0]); 'integration-guide.md' = @($Simulators[1], $Simulators[2]); 'testing-guide.md' = @($Simulators[3]) }
    $script:Ran = @{}
    for ($i = 0; $i -lt $names.Count; $i++) {
        $blocks = Invoke-GuideOnRig -Path (Join-Path $RepoRoot "docs/$($names[$i])") -MySqlConnectionString $env:SENDENSE_TEST_MYSQL `
            -ModulePath $ModulePath -Simulator $perGuide[$names[$i]]
        $script:Ran[$names[$i]] = @{}
        foreach ($b in $blocks) { $script:Ran[$names[$i]][$b.Index] = $b.Result }
    }
}

AfterAll {
    foreach ($s in @($script:Simulators)) { if ($s) { Stop-RigSimulator $s } }
}

Describe 'The guide <Guide>' -Tag Guides -ForEach $Guides {
    It 'has blocks that run' {
        $Run.Count | Should -BeGreaterThan 0
    }

    It 'block at line <Line> runs as documented' -ForEach $Run {
        $result = $script:Ran[$Guide][$Index]
        $result | Should -Not -BeNullOrEmpty -Because 'every block before it ran'
        $errors = @($result.Errors)
        if ($ExpectError) {
            $errors.Count | Should -BeGreaterThan 0 -Because "the guide says this block writes $ExpectError"
            $errors.Id | Sort-Object -Unique | Should -Be $ExpectError
        }
        else {
            ($errors | ForEach-Object { "$($_.Id): $($_.Message)" }) -join [Environment]::NewLine | Should -BeNullOrEmpty
        }
        if ($null -ne $Output) {
            $documented = @(Get-OutputShape $Output)
            $actual = @(Get-OutputShape $result.Output)
            ($actual -join ' | ') | Should -Be ($documented -join ' | ') -Because 'the output has the shape the guide shows (tools/docs/Update-GuideOutput.ps1 rewrites it)'
        }
    }

    It 'names only Sendense commands and parameters that exist (block at line <Line>)' -ForEach $Blocks {
        $problems = foreach ($use in @(Get-GuideCommandUse -Code $Code)) {
            $command = Get-Command -Name $use.Command -Module Sendense -ErrorAction SilentlyContinue
            if (-not $command) { "no command $($use.Command)"; continue }
            foreach ($missing in @(Test-GuideParameter -Command $command -Parameter $use.Parameters)) { "$($use.Command) has no parameter -$missing" }
        }
        $problems -join '; ' | Should -BeNullOrEmpty
    }

    It 'sets every value of its setup blocks from the rig' {
        $prelude = @(Get-AssignedVariable -Code (Get-GuidePrelude))
        foreach ($setup in @($Blocks | Where-Object { $_.Kind -eq 'Setup' })) {
            foreach ($name in @(Get-AssignedVariable -Code $setup.Code)) {
                $prelude | Should -Contain $name -Because "the setup block at line $($setup.Line) assigns it"
            }
        }
    }
}
