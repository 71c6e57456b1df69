# Shared set-up for the Pester suites: the built module (never src/), the test rig, and small helpers.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = Join-Path $script:RepoRoot 'out/Sendense/Sendense.psd1'
if (-not (Test-Path $script:ModulePath)) { throw "The module is not built ($script:ModulePath). Run: dotnet pwsh ./build.ps1 -Task Build" }
if (-not $env:SENDENSE_TEST_MYSQL) { throw 'SENDENSE_TEST_MYSQL is not set. Run the suites with: dotnet pwsh ./build.ps1 -Task Test' }
Import-Module (Join-Path $script:RepoRoot 'tests/tools/TestRig.psm1') -Force
Import-Module $script:ModulePath -Force
# Most suites' simulators serve plain http on loopback, which the module refuses without the opt-in (D1), as it
# would any plain http vCenter; the suites opt in as a lab user does. Tests of the refusal pass -AllowInsecureHttp:$false.
$PSDefaultParameterValues['*-Sendense*:AllowInsecureHttp'] = $true

function Invoke-InFreshPwsh {
    <# Runs a script block in a brand-new pwsh (no shared assemblies) and returns its output as strings. #>
    param([Parameter(Mandatory)][string] $Script)
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ("sdtest-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $file -Value $Script
    try {
        Push-Location $script:RepoRoot
        $output = & dotnet pwsh -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ Output = $output; ExitCode = $LASTEXITCODE }
    }
    finally {
        Pop-Location
        Remove-Item $file -ErrorAction SilentlyContinue
    }
}

function Initialize-TestHub {
    <#
    A fresh hub database with the upstream schema, connected as the default hub, and a fresh credential key in
    MIGRATEKIT_CRED_ENCRYPTION_KEY (the previous value kept in $script:SavedKey for AfterAll to restore).
    #>
    $db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $null = Connect-SendenseHub -Server $db.Server -Port $db.Port -Database $db.Name -Credential $db.Credential -TlsMode None
    $script:SavedKey = $env:MIGRATEKIT_CRED_ENCRYPTION_KEY
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    $db
}

function Assert-CmdletHelp {
    <# The help source of a cmdlet (docs/cmdlets/<Name>.md): every section, two examples, and every parameter described. #>
    param([Parameter(Mandatory)][string] $Name)
    $file = Join-Path $script:RepoRoot "docs/cmdlets/$Name.md"
    Test-Path $file | Should -BeTrue -Because "$Name needs a help source"
    $text = Get-Content $file -Raw
    foreach ($section in '## SYNOPSIS', '## DESCRIPTION', '## EXAMPLES', '## PARAMETERS', '## INPUTS', '## OUTPUTS') { $text | Should -Match ([regex]::Escape($section)) }
    ([regex]::Matches($text, '(?m)^### Example \d')).Count | Should -BeGreaterOrEqual 2
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
        $text | Should -Match "(?m)^### -$parameter\b" -Because "parameter -$parameter of $Name needs a description"
    }
}
