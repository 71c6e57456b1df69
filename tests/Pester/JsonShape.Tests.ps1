# The JSON shape of every output type stays what docs/json/<Type>.json shows (docs/integration-guide.md, section 4):
# the same property names at every level, and the same JSON kind (string, number, boolean, object, array) wherever
# both the example and the live value are not null. Live objects come from the real hub database and the simulator.
# To rewrite the examples after a deliberate change: $env:SENDENSE_UPDATE_JSON = '1', run this file, review the diff.
BeforeDiscovery {
    $script:TypeNames = 'HubConnection', 'HubSchemaReport', 'VCenterCredential', 'VCenterCredentialTestResult', 'DiscoveredVM',
    'VM', 'ProtectionGroup', 'ProtectionGroupMember', 'BackupRepository', 'BackupPolicy', 'ProtectionFlow', 'ProtectionFlowMember',
    'ProtectionFlowExecution', 'ProtectionSummary'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:JsonDirectory = Join-Path $RepoRoot 'docs/json'
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -SiteSetup
    $script:Sim = Start-RigSimulator -Datacenter 1 -Cluster 1 -ClusterHost 1 -StandaloneHost 0 -VM 2 -Tls
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    $live = @{}
    $live.HubConnection = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None
    $live.HubSchemaReport = Initialize-SendenseDatabase -Confirm:$false
    $live.VCenterCredential = New-SendenseVCenterCredential -Name json -VCenter $Sim.Server -Credential $Sim.Credential -Datacenter DC0 -Default
    $live.VCenterCredentialTestResult = Test-SendenseVCenterCredential -Name json -Thumbprint $Sim.Sha256
    $discovered = @(Invoke-SendenseVMDiscovery -VCenterCredential json -Thumbprint $Sim.Sha256)
    $live.DiscoveredVM = $discovered[0]
    $live.VM = @($discovered | Add-SendenseVM)[0]
    $live.ProtectionGroup = Get-SendenseVM | New-SendenseProtectionGroup -Name 'json group' -Description 'shape'
    $live.ProtectionGroupMember = @(Get-SendenseProtectionGroupMember -Group 'json group')[0]
    $live.BackupRepository = @(Get-SendenseBackupRepository -Name 'Local backups')[0]
    $live.BackupPolicy = @(Get-SendenseBackupPolicy)[0]
    $flow = Get-SendenseVM | Select-Object -First 1 | New-SendenseProtectionFlow -Name 'json flow' -Repository 'Local backups' -Policy 'Daily, 30 days' -Schedule Nightly
    # An execution as the hub's flow engine writes one (the module never starts flows).
    Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql ("INSERT INTO protection_flow_executions (flow_id, status, execution_type, jobs_created, jobs_completed, " +
        "started_at, completed_at, execution_time_seconds, vms_processed, bytes_transferred) VALUES ('$($flow.Id)', 'success', 'manual', 1, 1, NOW() - INTERVAL 5 MINUTE, NOW(), 300, 1, 1073741824)") | Out-Null
    $live.ProtectionFlow = Get-SendenseProtectionFlow -Name 'json flow'
    $live.ProtectionFlowMember = @(Get-SendenseProtectionFlowMember -Flow 'json flow')[0]
    $live.ProtectionFlowExecution = @(Get-SendenseProtectionFlowExecution -Flow 'json flow')[0]
    $live.ProtectionSummary = @(Get-SendenseProtectionSummary)[0]
    $script:Live = $live

    function script:ConvertTo-ShapeJson($InputObject) { $InputObject | ConvertTo-Json -Depth 4 -EnumsAsStrings }

    # Differences between two parsed JSON values, as "path: what" lines.
    function script:Compare-JsonShape($Expected, $Actual, [string] $Path = '$') {
        if ($null -eq $Expected -or $null -eq $Actual) { return }
        $kind = { param($v) if ($v -is [System.Collections.IDictionary]) { 'object' } elseif ($v -is [System.Collections.IList]) { 'array' }
            elseif ($v -is [bool]) { 'boolean' } elseif ($v -is [string] -or $v -is [datetime]) { 'string' } else { 'number' } }
        $e = & $kind $Expected
        $a = & $kind $Actual
        if ($e -ne $a) { "${Path}: the example has a $e, the output a $a"; return }
        if ($e -eq 'object') {
            foreach ($key in $Expected.Keys) {
                if (-not $Actual.Contains($key)) { "${Path}.${key}: in the example, missing from the output" }
                else { Compare-JsonShape $Expected[$key] $Actual[$key] "$Path.$key" }
            }
            foreach ($key in $Actual.Keys) { if (-not $Expected.Contains($key)) { "${Path}.${key}: in the output, missing from the example" } }
        }
        elseif ($e -eq 'array' -and $Expected.Count -and $Actual.Count) { Compare-JsonShape $Expected[0] $Actual[0] "$Path[0]" }
    }
}

AfterAll {
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Sim) { Stop-RigSimulator $script:Sim }
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe 'JSON shape of Sendense.<_>' -Tag Guides, Json -ForEach $TypeNames {
    It 'is the shape of docs/json/<_>.json' {
        $object = $Live[$_]
        $object | Should -Not -BeNullOrEmpty
        $object.GetType().FullName | Should -Be "Sendense.$_"
        $json = ConvertTo-ShapeJson $object
        $file = Join-Path $JsonDirectory "$_.json"
        if ($env:SENDENSE_UPDATE_JSON -eq '1') {
            # The rig's addresses and names replaced by a site's, so the examples read like real output.
            $example = $json.Replace($Sim.Server, 'vc01.example.com').Replace("`"$($Db.Name)`"", '"migratekit_oma"').
            Replace("`"$($Db.Credential.UserName)`"", '"oma_user"').Replace("`"$($Db.Server)`"", '"hub01.example.com"') -replace '"Port": \d+', '"Port": 3306'
            Set-Content -LiteralPath $file -Value $example
        }
        Test-Path $file | Should -BeTrue -Because "each output type has an example in docs/json"
        $problems = Compare-JsonShape (Get-Content $file -Raw | ConvertFrom-Json -AsHashtable) ($json | ConvertFrom-Json -AsHashtable)
        $problems -join [Environment]::NewLine | Should -BeNullOrEmpty
    }

    It 'holds no secret' {
        $json = ConvertTo-ShapeJson $Live[$_]
        $json | Should -Not -Match ([regex]::Escape($Sim.Credential.GetNetworkCredential().Password))
        $json | Should -Not -Match ([regex]::Escape($Db.Credential.GetNetworkCredential().Password))
        $json | Should -Not -Match ([regex]::Escape($env:MIGRATEKIT_CRED_ENCRYPTION_KEY))
    }
}
