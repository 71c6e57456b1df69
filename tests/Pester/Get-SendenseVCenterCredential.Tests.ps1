# Get-SendenseVCenterCredential on the rig's MariaDB: selection, completion, -AsPSCredential and the cipher's loading.
BeforeAll { . (Join-Path $PSScriptRoot 'CredentialTestHelpers.ps1') }
AfterAll { Stop-CredentialSuite }

Describe 'Get-SendenseVCenterCredential' -Tag Credential {
    BeforeAll {
        $script:Prefix = New-TestName 'get'
        $script:Listed = 'one', 'two', 'three' | ForEach-Object {
            New-SendenseVCenterCredential -Name "$Prefix-$_" -VCenter "vc-$_" -Credential (New-TestCredential "$_-secret") -Datacenter DC1
        }
    }

    It 'filters by wildcard, sorted by name, and shows a table without any password' {
        $found = Get-SendenseVCenterCredential -Name "$Prefix-t*"

        $found.Name | Should -Be @("$Prefix-three", "$Prefix-two")
        $table = Get-SendenseVCenterCredential -Name "$Prefix-*" | Format-Table | Out-String
        $table | Should -Match 'VCenter'
        $table | Should -Match "$Prefix-one"
        $table | Should -Not -Match 'secret'
    }

    It 'gets by id, binds a VM''s CredentialId from the pipeline, and reports an unknown exact name' {
        (Get-SendenseVCenterCredential -Id $Listed[1].Id).Name | Should -Be "$Prefix-two"
        ([pscustomobject]@{ CredentialId = $Listed[2].Id } | Get-SendenseVCenterCredential).Name | Should -Be "$Prefix-three"

        Get-SendenseVCenterCredential -Name "$Prefix-missing" -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'VCenterCredentialNotFound,Sendense.PowerShell.Commands.GetSendenseVCenterCredentialCommand'
    }

    It 'completes credential names from the hub' {
        $line = "Get-SendenseVCenterCredential -Name $Prefix-t"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length

        $completion.CompletionMatches.CompletionText | Should -Be @("$Prefix-three", "$Prefix-two")
        $completion.CompletionMatches[0].ToolTip | Should -Match 'vc-three'
    }

    It 'compares names as the hub does, accents and case folded, in wildcards and completion too' {
        $suffix = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $cafe = New-SendenseVCenterCredential -Name "sdtest-café-$suffix" -VCenter vc-cafe -Credential (New-TestCredential 'cafe-secret') -Datacenter DC1

        (Get-SendenseVCenterCredential -Name "SDTEST-CAFE-$suffix").Id | Should -Be $cafe.Id
        (Get-SendenseVCenterCredential -Name "sdtest-cafe-$($suffix.Substring(0, 4))*").Id | Should -Be $cafe.Id
        $line = "Get-SendenseVCenterCredential -Name sdtest-cafe-$suffix"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be "sdtest-café-$suffix"
    }

    It 'gives a PSCredential with -AsPSCredential, counting each as a use' {
        $credential = Get-SendenseVCenterCredential -Name "$Prefix-one" -AsPSCredential
        Get-SendenseVCenterCredential -Id $Listed[0].Id -AsPSCredential | Out-Null

        $credential | Should -BeOfType ([pscredential])
        $credential.UserName | Should -Be 'administrator@vsphere.local'
        $credential.Password | Should -BeOfType ([securestring])
        $credential.GetNetworkCredential().Password | Should -Be 'one-secret'
        $after = Get-SendenseVCenterCredential -Id $Listed[0].Id
        $after.UsageCount | Should -Be 2
        $after.LastUsed | Should -Not -BeNullOrEmpty
    }

    It 'reads rows the hub''s GUI wrote, warns on TEMP_PLAINTEXT_, and refuses plaintext unless allowed' {
        $gui = New-TestName 'gui'; $seed = New-TestName 'seed'; $keyless = New-TestName 'keyless'
        $value = Invoke-RigCredCrypt -Mode encrypt -Key $Key -InputLine 'Gui-Secret-1'
        Get-Row ("INSERT INTO vmware_credentials (credential_name, vcenter_host, username, password_encrypted, datacenter, created_by) VALUES " +
            "('$gui', 'vc-gui', 'svc@vsphere.local', '$value', 'DC1', 'gui_user'), ('$seed', 'vc-seed', 'svc@vsphere.local', 'TEMP_PLAINTEXT_Seed-Secret-2', 'DC1', 'gui_user'), " +
            "('$keyless', 'vc-keyless', 'svc@vsphere.local', 'Keyless-Secret-3', 'DC1', 'gui_user')") | Out-Null

        (Get-SendenseVCenterCredential -Name $gui -AsPSCredential).GetNetworkCredential().Password | Should -Be 'Gui-Secret-1'
        (Get-SendenseVCenterCredential -Name $seed -AsPSCredential -WarningVariable seedWarning -WarningAction SilentlyContinue).GetNetworkCredential().Password | Should -Be 'Seed-Secret-2'
        "$seedWarning" | Should -Match 'stored in clear'
        (Get-SendenseVCenterCredential -Name $seed).PasswordStorage | Should -Be 'TemporaryPlaintext'

        Get-SendenseVCenterCredential -Name $keyless -AsPSCredential -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -Be 'CredentialPasswordNotEncrypted,Sendense.PowerShell.Commands.GetSendenseVCenterCredentialCommand'
        (Get-SendenseVCenterCredential -Name $keyless -AsPSCredential -AllowPlaintextPassword -WarningAction SilentlyContinue).GetNetworkCredential().Password | Should -Be 'Keyless-Secret-3'
    }

    It 'reports a wrong key per credential without stopping, and an unusable key once' {
        $wrong = ConvertTo-SecureString ([Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))) -AsPlainText -Force

        Get-SendenseVCenterCredential -Name "$Prefix-*" -AsPSCredential -EncryptionKey $wrong -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        { Get-SendenseVCenterCredential -Name "$Prefix-*" -AsPSCredential -EncryptionKey (ConvertTo-SecureString 'too-short' -AsPlainText -Force) } |
            Should -Throw -ErrorId 'CredentialKeyInvalid,Sendense.PowerShell.Commands.GetSendenseVCenterCredentialCommand'

        $problems.Count | Should -Be 3
        $problems | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'CredentialDecryptionFailed,Sendense.PowerShell.Commands.GetSendenseVCenterCredentialCommand' }
        $problems[0].Exception.Message | Should -Match "'$Prefix-one'"
        $problems[0].CategoryInfo.Category | Should -Be 'SecurityError'
    }
}


Describe 'The cipher library' -Tag Credential {
    It 'loads only when a password is encrypted or decrypted, into the module''s own load context' {
        $name = New-TestName 'alc'
        New-SendenseVCenterCredential -Name $name -VCenter vc01 -Credential (New-TestCredential 'k-secret') -Datacenter DC1 | Out-Null

        $result = Invoke-InFreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
Connect-SendenseHub -ConnectionString '$($Db.ConnectionString)' | Out-Null
`$null = Get-SendenseVCenterCredential -Name '$name'
function Find-Cipher { [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'BouncyCastle.Cryptography' } }
'before:' + @(Find-Cipher).Count
`$null = Get-SendenseVCenterCredential -Name '$name' -AsPSCredential
'context:' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Find-Cipher)).Name
"@

        $result.ExitCode | Should -Be 0
        $result.Output | Should -Contain 'before:0'
        $result.Output | Should -Contain 'context:Sendense'
    }
}
