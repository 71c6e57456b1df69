# Set-SendenseVCenterCredential on the rig's MariaDB: the default switch, deactivation, new passwords.
BeforeAll { . (Join-Path $PSScriptRoot 'CredentialTestHelpers.ps1') }
AfterAll { Stop-CredentialSuite }

Describe 'Set-SendenseVCenterCredential' -Tag Credential {
    It 'switches the default so that exactly one credential is the default' {
        $first = New-SendenseVCenterCredential -Name (New-TestName 'def1') -VCenter vc01 -Credential (New-TestCredential 'e-secret') -Datacenter DC1 -Default
        $second = New-SendenseVCenterCredential -Name (New-TestName 'def2') -VCenter vc01 -Credential (New-TestCredential 'f-secret') -Datacenter DC1

        Get-Row 'SELECT id FROM vmware_credentials WHERE is_default = 1' | Should -Be "$($first.Id)"
        $second | Set-SendenseVCenterCredential -Default
        Get-Row 'SELECT id FROM vmware_credentials WHERE is_default = 1' | Should -Be "$($second.Id)"
        (Get-SendenseVCenterCredential -Default).Id | Should -Be $second.Id

        Set-SendenseVCenterCredential -Id $second.Id -Default:$false
        Get-Row 'SELECT COUNT(*) FROM vmware_credentials WHERE is_default = 1' | Should -Be '0'
    }

    It 'deactivates a credential, which then cannot be used, and warns when it was the default' {
        $name = New-TestName 'deact'
        New-SendenseVCenterCredential -Name $name -VCenter vc01 -Credential (New-TestCredential 'g-secret') -Datacenter DC1 -Default | Out-Null

        $changed = Set-SendenseVCenterCredential -Name $name -Active $false -PassThru -WarningVariable warned -WarningAction SilentlyContinue

        $changed.IsActive | Should -BeFalse
        $changed.IsDefault | Should -BeFalse
        "$warned" | Should -Match 'no default'
        Get-SendenseVCenterCredential -Name $name -AsPSCredential -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'VCenterCredentialInactive,Sendense.PowerShell.Commands.GetSendenseVCenterCredentialCommand'
        Set-SendenseVCenterCredential -Name $name -Active $true
        (Get-SendenseVCenterCredential -Name $name -AsPSCredential).GetNetworkCredential().Password | Should -Be 'g-secret'
    }

    It 'changes the password (encrypted for the hub), user and datacenter, and nothing with -WhatIf' {
        $created = New-SendenseVCenterCredential -Name (New-TestName 'pw') -VCenter vc01 -Credential (New-TestCredential 'old-secret') -Datacenter DC1
        $newPassword = New-TestPassword

        Set-SendenseVCenterCredential -Id $created.Id -Datacenter DC9 -WhatIf
        $changed = Set-SendenseVCenterCredential -Id $created.Id -Credential ([pscredential]::new('svc@vsphere.local', (ConvertTo-SecureString $newPassword -AsPlainText -Force))) -Datacenter DC2 -PassThru

        $changed.UserName | Should -Be 'svc@vsphere.local'
        $changed.Datacenter | Should -Be 'DC2'
        Invoke-RigCredCrypt -Mode decrypt -Key $Key -InputLine (Get-StoredPassword $created.Id) | Should -Be $newPassword
    }

    It 'refuses a new password under a key that opens none of the other stored passwords, changing nothing' {
        $created = New-SendenseVCenterCredential -Name (New-TestName 'rekey') -VCenter vc01 -Credential (New-TestCredential 'p-secret') -Datacenter DC1
        $before = Get-StoredPassword $created.Id

        { Set-SendenseVCenterCredential -Id $created.Id -Credential (New-TestCredential 'q-secret') -Datacenter DC7 -EncryptionKey (ConvertTo-SecureString (New-TestKey) -AsPlainText -Force) } |
            Should -Throw -ErrorId 'CredentialKeyMismatch,Sendense.PowerShell.Commands.SetSendenseVCenterCredentialCommand'

        Get-StoredPassword $created.Id | Should -Be $before
        (Get-SendenseVCenterCredential -Id $created.Id).Datacenter | Should -Be 'DC1'
    }

    It 'refuses to make an inactive credential the default' {
        $created = New-SendenseVCenterCredential -Name (New-TestName 'inact') -VCenter vc01 -Credential (New-TestCredential 'h-secret') -Datacenter DC1 -Active $false

        Set-SendenseVCenterCredential -Id $created.Id -Default -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -Be 'VCenterCredentialInvalid,Sendense.PowerShell.Commands.SetSendenseVCenterCredentialCommand'
        (Get-SendenseVCenterCredential -Id $created.Id).IsDefault | Should -BeFalse
    }
}
