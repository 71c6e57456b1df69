# Load safety: the module keeps its dependencies to itself. A session that already loaded other versions of
# Dapper and Microsoft.Extensions.Logging.Abstractions (as PowerCLI, Az or a DBA module might) imports Sendense,
# runs hub queries, and both copies keep working side by side.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $packages = if ($env:SENDENSE_NUGET_PACKAGES) { $env:SENDENSE_NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $script:OldDapper = Join-Path $packages 'dapper/2.0.35/lib/netstandard2.0/Dapper.dll'
    $script:OldLogging = Join-Path $packages 'microsoft.extensions.logging.abstractions/2.1.0/lib/netstandard2.0/Microsoft.Extensions.Logging.Abstractions.dll'
}

AfterAll {
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe 'Co-loading with other versions of the module''s dependencies' -Tag LoadSafety {
    It 'has the older packages to preload' {
        Test-Path $OldDapper | Should -BeTrue
        Test-Path $OldLogging | Should -BeTrue
    }

    It 'imports and queries the hub after another module loaded Dapper 2.0.35 and Logging.Abstractions 2.1.0, and their copies still work' {
        $password = $Db.Credential.GetNetworkCredential().Password
        $result = Invoke-InFreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$OldDapper'
Add-Type -Path '$OldLogging'
Import-Module '$ModulePath'
`$credential = [pscredential]::new('$($Db.UserName)', (ConvertTo-SecureString '$password' -AsPlainText -Force))
`$null = Connect-SendenseHub -Server '$($Db.Server)' -Port $($Db.Port) -Database '$($Db.Name)' -Credential `$credential -TlsMode None
`$vms = @(Get-SendenseVM)
`$groups = @(Get-SendenseProtectionGroup)
`$credentials = @(Get-SendenseVCenterCredential)
'QUERY|' + (`$vms.Count + `$groups.Count + `$credentials.Count)
foreach (`$assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    `$name = `$assembly.GetName().Name
    if (`$name -in 'Dapper', 'MySqlConnector', 'Microsoft.Extensions.Logging.Abstractions') {
        `$context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$assembly).Name
        `$file = [System.Diagnostics.FileVersionInfo]::GetVersionInfo(`$assembly.Location).FileVersion
        'ASM|' + `$name + '|' + `$file + '|' + `$context
    }
}
# The other module's copies are still the ones PowerShell resolves by type name, and they work.
'THEIRS|' + [Dapper.DynamicParameters].Assembly.GetName().Version + '|' + @(([Dapper.DynamicParameters]::new()).ParameterNames).Count
'THEIRS|' + [Microsoft.Extensions.Logging.Abstractions.NullLogger].Assembly.GetName().Version + '|' + ([Microsoft.Extensions.Logging.Abstractions.NullLogger]::Instance -ne `$null)
Disconnect-SendenseHub
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $lines = $result.Output
        $lines | Should -Contain 'QUERY|0'
        $assemblies = $lines | Where-Object { $_ -like 'ASM|*' } | ForEach-Object { $p = $_.Split('|'); [pscustomobject]@{ Name = $p[1]; Version = $p[2]; Context = $p[3] } }

        $ours = $assemblies | Where-Object Context -eq 'Sendense'
        ($ours | Where-Object Name -eq 'MySqlConnector') | Should -Not -BeNullOrEmpty
        ($ours | Where-Object Name -eq 'Dapper').Version | Should -BeLike '2.1.*'
        ($ours | Where-Object Name -eq 'Microsoft.Extensions.Logging.Abstractions').Version | Should -Not -BeLike '2.1.*'

        $theirs = $assemblies | Where-Object Context -ne 'Sendense'
        ($theirs | Where-Object Name -eq 'Dapper').Version | Should -BeLike '2.0.35*'
        ($theirs | Where-Object Name -eq 'Microsoft.Extensions.Logging.Abstractions').Version | Should -BeLike '2.1.*'
        $lines | Should -Contain 'THEIRS|2.0.0.0|0'
        $lines | Should -Contain 'THEIRS|2.1.0.0|True'
    }

    It 'imports first and leaves later loads of other versions working too' {
        $result = Invoke-InFreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$null = Get-Command -Module Sendense
Add-Type -Path '$OldDapper'
'THEIRS|' + [Dapper.DynamicParameters].Assembly.GetName().Version
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain 'THEIRS|2.0.0.0'
    }
}
