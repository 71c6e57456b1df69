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

Describe 'Help and packaging' -Tag Metadata {
    It 'ships about_Sendense with the workflow, connections, credentials, TLS and troubleshooting' {
        $about = Get-Help about_Sendense | Out-String
        foreach ($topic in 'THE WORKFLOW', 'HUB CONNECTIONS', 'VCENTER CREDENTIALS', 'TLS', 'TROUBLESHOOTING') {
            $about | Should -Match $topic
        }
    }

    It 'ships MAML help generated from docs/cmdlets for every exported cmdlet' {
        $maml = Join-Path (Split-Path $ModulePath) 'en-US/Sendense.PowerShell.dll-Help.xml'
        [xml] $help = Get-Content $maml -Raw
        $documented = $help.helpItems.command | ForEach-Object { $_.details.name }
        $manifest = Import-PowerShellDataFile $ModulePath
        $documented | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'packs into a PowerShell Gallery nupkg with the module files and nothing that must not ship' {
        $destination = Join-Path $TestDrive 'package'
        New-Item -ItemType Directory -Path $destination | Out-Null
        $result = Invoke-InFreshPwsh -Script "& '$(Join-Path $RepoRoot 'tools/package/New-ModulePackage.ps1')' -ModuleDirectory '$(Split-Path $ModulePath)' -DestinationPath '$destination'"
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $package = Get-ChildItem $destination -Filter 'Sendense.*.nupkg'
        $package | Should -Not -BeNullOrEmpty
        $entries = [System.IO.Compression.ZipFile]::OpenRead($package.FullName)
        try {
            $names = $entries.Entries.FullName
            $names | Should -Contain 'Sendense.psd1'
            $names | Should -Contain 'en-US/about_Sendense.help.txt'
            $names | Should -Contain 'dependencies/BouncyCastle.Cryptography.dll'
            $names | Where-Object { $_ -match 'System\.Management\.Automation|\.Tests\.' } | Should -BeNullOrEmpty
        }
        finally { $entries.Dispose() }
    }
}
