BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'The built module' {
    It 'imports in a fresh pwsh and lists its cmdlets' {
        $result = Invoke-InFreshPwsh -Script @"
Import-Module '$ModulePath'
(Get-Command -Module Sendense).Name -join ','
"@
        $result.ExitCode | Should -Be 0
        $names = ($result.Output | Select-Object -Last 1).Split(',')
        $names | Should -Contain 'Connect-SendenseHub'
        $names | Should -Contain 'Disconnect-SendenseHub'
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $manifest = Import-PowerShellDataFile $ModulePath
        $exported = (Get-Command -Module Sendense -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'ships no System.Management.Automation.dll' {
        Get-ChildItem (Split-Path $ModulePath) -Recurse -Filter 'System.Management.Automation*.dll' | Should -BeNullOrEmpty
    }

    It 'keeps third-party assemblies out of the module root' {
        $root = Get-ChildItem (Split-Path $ModulePath) -Filter '*.dll' | ForEach-Object BaseName | Sort-Object
        $root | Should -Be @('Sendense.Core', 'Sendense.LoadContext', 'Sendense.PowerShell')
        Test-Path (Join-Path (Split-Path $ModulePath) 'dependencies/MySqlConnector.dll') | Should -BeTrue
    }
}
