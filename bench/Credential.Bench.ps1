<#
.SYNOPSIS
What stored vCenter credentials cost: the first decryption in a fresh process (loads BouncyCastle from the module's
dependencies and JITs the cipher), then warm medians of storing a credential, reading one into a PSCredential (list +
decrypt + atomic use count: three statements) and listing 200 credentials, on the rig's MariaDB.
#>
param([Parameter(Mandatory)][string] $ResultPath, [int] $Runs = 50)
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
Import-Module (Join-Path $repoRoot 'tests/tools/TestRig.psm1') -Force
Import-Module (Get-BenchModulePath) -Force
$null = Build-RigCredCrypt

function Measure-Median([scriptblock] $Work) {
    $times = foreach ($i in 1..$Runs) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        & $Work | Out-Null
        $watch.Stop()
        $watch.Elapsed.TotalMilliseconds
    }
    ($times | Sort-Object)[[int][Math]::Floor($Runs / 2)]
}

$db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
try {
    $key = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $key
    $value = Invoke-RigCredCrypt -Mode encrypt -Key $key -InputLine 'Bench-Secret-1'
    $rows = (1..200 | ForEach-Object { "('bench-$_', 'vc$_.lab', 'administrator@vsphere.local', '$value', 'DC1')" }) -join ', '
    Invoke-RigSql -ConnectionString $db.ConnectionString -Sql "INSERT INTO vmware_credentials (credential_name, vcenter_host, username, password_encrypted, datacenter) VALUES $rows" | Out-Null
    Connect-SendenseHub -Server $db.Server -Port $db.Port -Database $db.Name -Credential $db.Credential -TlsMode None | Out-Null
    $null = Get-SendenseVCenterCredential -Name 'bench-1'   # the hub engine is loaded; BouncyCastle is not yet

    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $first = Get-SendenseVCenterCredential -Name 'bench-1' -AsPSCredential
    $watch.Stop()
    $cold = $watch.Elapsed.TotalMilliseconds
    if ($first.GetNetworkCredential().Password -ne 'Bench-Secret-1') { throw 'The bench decrypted the wrong password.' }

    $warmRead = Measure-Median { Get-SendenseVCenterCredential -Name 'bench-2' -AsPSCredential }
    $list = Measure-Median { Get-SendenseVCenterCredential }
    $credential = [pscredential]::new('administrator@vsphere.local', (ConvertTo-SecureString 'Bench-Secret-2' -AsPlainText -Force))
    $n = 0
    $store = Measure-Median { $script:n++; New-SendenseVCenterCredential -Name "bench-new-$script:n" -VCenter vc01 -Credential $credential -Datacenter DC1 }
}
finally {
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $db.Name
}

[pscustomobject]@{
    Title       = 'Stored vCenter credentials'
    Description = "Fresh pwsh, rig MariaDB on loopback, 200 stored credentials; warm values are medians of $Runs calls."
    Rows        = @(
        [pscustomobject]@{ Metric = 'first -AsPSCredential in a process (loads BouncyCastle)'; Value = $cold; Unit = 'ms'; Target = '< 500 ms'; Pass = ($cold -lt 500) }
        [pscustomobject]@{ Metric = 'Get-SendenseVCenterCredential -AsPSCredential, warm'; Value = $warmRead; Unit = 'ms'; Target = '< 25 ms'; Pass = ($warmRead -lt 25) }
        [pscustomobject]@{ Metric = 'Get-SendenseVCenterCredential (list 200)'; Value = $list; Unit = 'ms'; Target = '< 50 ms'; Pass = ($list -lt 50) }
        [pscustomobject]@{ Metric = 'New-SendenseVCenterCredential, warm'; Value = $store; Unit = 'ms'; Target = '< 25 ms'; Pass = ($store -lt 25) }
    )
    Notes       = @('The hub''s own API decrypts on every use too; its credential test endpoint never contacts vCenter (upstream-contract.md section 6.2).')
} | ConvertTo-Json -Depth 5 | Set-Content -Path $ResultPath
