# New-SendenseVCenterCredential on the rig's MariaDB: what it stores, where the key comes from, what it refuses.
BeforeAll { . (Join-Path $PSScriptRoot 'CredentialTestHelpers.ps1') }
AfterAll { Stop-CredentialSuite }

Describe 'New-SendenseVCenterCredential' -Tag Credential {
    It 'stores the credential with a password the hub decrypts (checked with the Go implementation of its cipher)' {
        $name = New-TestName 'new'
        $password = New-TestPassword

        $created = New-SendenseVCenterCredential -Name $name -VCenter 'https://vc01.lab.local/sdk' -Credential (New-TestCredential $password) -Datacenter DC1

        $created | Should -BeOfType ([Sendense.VCenterCredential])
        $created.VCenter | Should -Be 'vc01.lab.local'
        $created.UserName | Should -Be 'administrator@vsphere.local'
        $created.IsActive | Should -BeTrue
        $created.IsDefault | Should -BeFalse
        $created.PasswordStorage | Should -Be 'Encrypted'
        $created.CreatedBy | Should -Match '@'
        $created.PSObject.Properties.Name | Should -Not -Contain 'Password'
        $stored = Get-StoredPassword $created.Id
        $stored | Should -Not -Match ([regex]::Escape($password))
        Invoke-RigCredCrypt -Mode decrypt -Key $Key -InputLine $stored | Should -Be $password
    }

    It 'takes the key as a SecureString, or from a file such as the hub''s systemd unit, instead of the environment' {
        # Another hub (its own database and key): in this one, a key other than $Key is refused (CredentialKeyMismatch).
        $otherDb = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
        try {
            $otherHub = Connect-SendenseHub -ConnectionString $otherDb.ConnectionString -NotDefault
            $otherKey = New-TestKey
            $unit = Join-Path $TestDrive 'sendense-hub.service'
            Set-Content -Path $unit -Value "[Service]`nEnvironment=MIGRATEKIT_CRED_ENCRYPTION_KEY=$otherKey`nExecStart=/usr/local/bin/sendense-hub"

            $fromParameter = New-SendenseVCenterCredential -Hub $otherHub -Name (New-TestName 'param') -VCenter vc01 -Credential (New-TestCredential 'P1-secret') -Datacenter DC1 -EncryptionKey (ConvertTo-SecureString $otherKey -AsPlainText -Force)
            $fromFile = New-SendenseVCenterCredential -Hub $otherHub -Name (New-TestName 'file') -VCenter vc01 -Credential (New-TestCredential 'P2-secret') -Datacenter DC1 -EncryptionKeyFile $unit

            Invoke-RigCredCrypt -Mode decrypt -Key $otherKey -InputLine (Get-StoredPassword $fromParameter.Id $otherDb), (Get-StoredPassword $fromFile.Id $otherDb) |
                Should -Be @('P1-secret', 'P2-secret')
        }
        finally {
            if ($otherHub) { Disconnect-SendenseHub -Hub $otherHub -ErrorAction SilentlyContinue }
            Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $otherDb.Name
        }
    }

    It 'refuses a key that opens none of the stored passwords with CredentialKeyMismatch naming the hub''s unit, and writes nothing' {
        New-SendenseVCenterCredential -Name (New-TestName 'hubkey') -VCenter vc01 -Credential (New-TestCredential 'm-secret') -Datacenter DC1 | Out-Null
        $name = New-TestName 'strangerkey'
        $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = New-TestKey
        try {
            { New-SendenseVCenterCredential -Name $name -VCenter vc01 -Credential (New-TestCredential 'n-secret') -Datacenter DC1 } |
                Should -Throw -ErrorId 'CredentialKeyMismatch,Sendense.PowerShell.Commands.NewSendenseVCenterCredentialCommand' -ExpectedMessage '*/etc/systemd/system/sendense-hub.service*'
        }
        finally { $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $Key }
        Get-Row "SELECT COUNT(*) FROM vmware_credentials WHERE credential_name = '$name'" | Should -Be '0'
    }

    It 'refuses a name with an unprintable character with VCenterCredentialInvalid naming the code point' {
        $name = (New-TestName 'bidi') + [char]0x202E + 'gpj.exe'

        New-SendenseVCenterCredential -Name $name -VCenter vc01 -Credential (New-TestCredential 'o-secret') -Datacenter DC1 -ErrorVariable problems -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'VCenterCredentialInvalid,Sendense.PowerShell.Commands.NewSendenseVCenterCredentialCommand'
        $problems[0].Exception.Message | Should -Match 'U\+202E'
        Get-Row "SELECT COUNT(*) FROM vmware_credentials WHERE credential_name LIKE 'sdtest-bidi-%'" | Should -Be '0'
    }

    It 'stops with CredentialKeyMissing and writes nothing when no key is given anywhere' {
        $name = New-TestName 'nokey'
        $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $null
        try {
            { New-SendenseVCenterCredential -Name $name -VCenter vc01 -Credential (New-TestCredential 'x-secret') -Datacenter DC1 } |
                Should -Throw -ErrorId 'CredentialKeyMissing,Sendense.PowerShell.Commands.NewSendenseVCenterCredentialCommand' -ExpectedMessage '*MIGRATEKIT_CRED_ENCRYPTION_KEY*'
        }
        finally { $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $Key }
        Get-SendenseVCenterCredential -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a duplicate name in another case with a non-terminating VCenterCredentialExists error' {
        $name = New-TestName 'dup'
        New-SendenseVCenterCredential -Name $name -VCenter vc01 -Credential (New-TestCredential 'a-secret') -Datacenter DC1 | Out-Null

        $result = New-SendenseVCenterCredential -Name $name.ToUpper() -VCenter vc02 -Credential (New-TestCredential 'b-secret') -Datacenter DC1 -ErrorVariable problems -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'VCenterCredentialExists,Sendense.PowerShell.Commands.NewSendenseVCenterCredentialCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $problems[0].TargetObject | Should -Be $name.ToUpper()
    }

    It 'stores an inactive credential when asked (upstream forces is_active to 1) and writes nothing with -WhatIf' {
        $inactive = New-SendenseVCenterCredential -Name (New-TestName 'off') -VCenter vc01 -Credential (New-TestCredential 'c-secret') -Datacenter DC1 -Active $false
        $whatIf = New-TestName 'whatif'
        New-SendenseVCenterCredential -Name $whatIf -VCenter vc01 -Credential (New-TestCredential 'd-secret') -Datacenter DC1 -WhatIf

        Get-Row "SELECT is_active FROM vmware_credentials WHERE id = $($inactive.Id)" | Should -Be '0'
        Get-Row "SELECT COUNT(*) FROM vmware_credentials WHERE credential_name = '$whatIf'" | Should -Be '0'
    }
}
