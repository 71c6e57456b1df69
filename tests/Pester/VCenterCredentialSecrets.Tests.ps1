# The secret-leak hunt across the five credential cmdlets: no password, key or stored value in any stream.
BeforeAll { . (Join-Path $PSScriptRoot 'CredentialTestHelpers.ps1') }
AfterAll { Stop-CredentialSuite }

Describe 'Secrets never leave the SecureString' -Tag Credential {
    It 'keeps the password, the key and the stored value out of every stream, error, exception and $Error' {
        $password = New-TestPassword
        $name = New-TestName 'leak'
        $wrongKey = ConvertTo-SecureString ([Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))) -AsPlainText -Force
        $keyFile = Join-Path $TestDrive 'hub.key'
        Set-Content -Path $keyFile -Value $Key
        $badKeyFile = Join-Path $TestDrive 'bad.key'
        Set-Content -Path $badKeyFile -Value ($password + '==')
        $seedName = New-TestName 'leakseed'
        Get-Row ("INSERT INTO vmware_credentials (credential_name, vcenter_host, username, password_encrypted, datacenter) " +
            "VALUES ('$seedName', 'vc01', 'svc@vsphere.local', 'TEMP_PLAINTEXT_$password', 'DC1')") | Out-Null
        $Error.Clear()

        $captured = & {
            $common = @{ Verbose = $true; Debug = $true; ErrorAction = 'Continue'; WarningAction = 'Continue'; InformationAction = 'Continue' }
            $cred = New-TestCredential $password
            New-SendenseVCenterCredential -Name $name -VCenter vc01 -Credential $cred -Datacenter DC1 -Default -EncryptionKeyFile $keyFile @common
            New-SendenseVCenterCredential -Name $name -VCenter vc01 -Credential $cred -Datacenter DC1 @common
            try { New-SendenseVCenterCredential -Name "$name-x" -VCenter vc01 -Credential $cred -Datacenter DC1 -EncryptionKeyFile $badKeyFile @common } catch { $_ }
            try { New-SendenseVCenterCredential -Name "$name-y" -VCenter vc01 -Credential $cred -Datacenter DC1 -EncryptionKey $wrongKey @common } catch { $_ }
            $script:LeakStored = @(Get-StoredPassword (Get-SendenseVCenterCredential -Name $name).Id)
            Get-SendenseVCenterCredential -Name $name @common | Format-List * -Force | Out-String
            Get-SendenseVCenterCredential -Name $name @common | ConvertTo-Json
            Get-SendenseVCenterCredential -Name $name -AsPSCredential @common | Format-List * -Force | Out-String
            Get-SendenseVCenterCredential -Name $name -AsPSCredential -EncryptionKey $wrongKey @common
            Get-SendenseVCenterCredential -Name $seedName -AsPSCredential @common | Out-String
            Set-SendenseVCenterCredential -Name $name -Credential $cred -Datacenter DC2 -PassThru @common | Format-List * -Force | Out-String
            $script:LeakStored += Get-StoredPassword (Get-SendenseVCenterCredential -Name $name).Id
            try { Set-SendenseVCenterCredential -Name $name -Credential $cred -EncryptionKey (ConvertTo-SecureString 'bm90LWEta2V5' -AsPlainText -Force) @common } catch { $_ }
            $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $null
            try { Get-SendenseVCenterCredential -Name $name -AsPSCredential @common } catch { $_ } finally { $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $Key }
            $context = Add-TestContext (Get-SendenseVCenterCredential -Name $name).Id
            Remove-SendenseVCenterCredential -Name $name -Confirm:$false @common
            Remove-SendenseVCenterCredential -Name $name -Force -Confirm:$false @common
        } *>&1

        $script:LeakStored.Count | Should -Be 2
        $script:LeakStored[0] | Should -Not -Be $script:LeakStored[1]
        $kinds = $captured | ForEach-Object { $_.GetType().Name } | Sort-Object -Unique
        $kinds | Should -Contain 'VerboseRecord'
        $kinds | Should -Contain 'DebugRecord'
        $kinds | Should -Contain 'WarningRecord'
        $kinds | Should -Contain 'ErrorRecord'
        $Error.Count | Should -BeGreaterThan 3

        $text = [System.Text.StringBuilder]::new()
        foreach ($item in @($captured) + @($Error)) {
            [void]$text.AppendLine(($item | Format-List * -Force | Out-String -Width 4096))
            [void]$text.AppendLine("$item")
            if ($item -is [System.Management.Automation.ErrorRecord]) {
                [void]$text.AppendLine($item.Exception.ToString())
                [void]$text.AppendLine(($item.Exception | Format-List * -Force | Out-String -Width 4096))
                [void]$text.AppendLine("$($item.ErrorDetails) $($item.TargetObject) $($item.CategoryInfo)")
            }
            if ($item -is [System.Management.Automation.ErrorRecord] -and $item.Exception.InnerException) {
                [void]$text.AppendLine($item.Exception.InnerException.ToString())
            }
        }
        $all = $text.ToString()

        $all | Should -Match ([regex]::Escape($name))
        $all | Should -Match 'CredentialDecryptionFailed'
        $all | Should -Match 'CredentialKeyMissing'
        $all | Should -Match 'CredentialKeyInvalid'
        $all | Should -Match 'CredentialKeyMismatch'
        $all | Should -Match 'VCenterCredentialInUse'
        $all | Should -Match 'stored in clear'
        $all | Should -Not -Match ([regex]::Escape($password))
        $all | Should -Not -Match ([regex]::Escape($Key))
        foreach ($stored in $script:LeakStored) { $all | Should -Not -Match ([regex]::Escape($stored)) }
        Get-SendenseVCenterCredential -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
