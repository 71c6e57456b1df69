# Shared set-up of the stored vCenter credential suites (one file per cmdlet), dot-sourced in their BeforeAll: a
# fresh hub database and connection, the hub's one key in MIGRATEKIT_CRED_ENCRYPTION_KEY (a hub has one key, and
# New-/Set- refuse a key that opens none of the stored passwords), and small helpers. Interop with the hub's cipher
# goes through tests/tools/credcrypt (Go's standard library, the hub's algorithm). Stop-CredentialSuite in AfterAll.
. (Join-Path $PSScriptRoot 'Common.ps1')
function script:New-TestName([string] $Prefix) { "sdtest-$Prefix-" + [guid]::NewGuid().ToString('N').Substring(0, 8) }
function script:New-TestPassword { 'Pä$$-' + [guid]::NewGuid().ToString('N').Substring(0, 12) + '-ключ' }
function script:New-TestKey { [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)) }
function script:New-TestCredential([string] $Password) {
    [pscredential]::new('administrator@vsphere.local', (ConvertTo-SecureString $Password -AsPlainText -Force))
}
function script:Get-Row([string] $Sql, $Database = $script:Db) { Invoke-RigSql -ConnectionString $Database.ConnectionString -Sql $Sql }
function script:Get-StoredPassword([int] $Id, $Database = $script:Db) { Get-Row "SELECT password_encrypted FROM vmware_credentials WHERE id = $Id" $Database }
function script:Add-TestContext([int] $CredentialId) {
    $context = 'ctx-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    Get-Row ("INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter, credential_id) " +
        "VALUES ('$context', '$context', '$([guid]::NewGuid())', '/DC1/vm/$context', 'vc01', 'DC1', $CredentialId)") | Out-Null
    $context
}

function script:Stop-CredentialSuite {
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $script:SavedKeyVariable
    if ($script:SavedKeyFileVariable) { $env:SENDENSE_CRED_ENCRYPTION_KEY_FILE = $script:SavedKeyFileVariable }
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

# Last, so that Stop-CredentialSuite exists even when creating the database fails.
$script:Key = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
$script:SecureKey = ConvertTo-SecureString $Key -AsPlainText -Force
$script:SavedKeyVariable = $env:MIGRATEKIT_CRED_ENCRYPTION_KEY
$script:SavedKeyFileVariable = $env:SENDENSE_CRED_ENCRYPTION_KEY_FILE
Remove-Item env:SENDENSE_CRED_ENCRYPTION_KEY_FILE -ErrorAction SilentlyContinue
$env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $Key
$script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
$script:Hub = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None
