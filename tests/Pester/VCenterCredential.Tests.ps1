# vCenter credentials kept in the hub: the four cmdlets end to end on the rig's MariaDB, and interop with the hub's
# cipher through tests/tools/credcrypt (Go's standard library, the hub's algorithm).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $script:Hub = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None
    $script:Key = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    $script:SecureKey = ConvertTo-SecureString $Key -AsPlainText -Force
    $script:SavedKeyVariable = $env:MIGRATEKIT_CRED_ENCRYPTION_KEY
    $script:SavedKeyFileVariable = $env:SENDENSE_CRED_ENCRYPTION_KEY_FILE
    Remove-Item env:SENDENSE_CRED_ENCRYPTION_KEY_FILE -ErrorAction SilentlyContinue
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $Key

    function script:New-TestName([string] $Prefix) { "sdtest-$Prefix-" + [guid]::NewGuid().ToString('N').Substring(0, 8) }
    function script:New-TestPassword { 'Pä$$-' + [guid]::NewGuid().ToString('N').Substring(0, 12) + '-ключ' }
    function script:New-TestCredential([string] $Password) {
        [pscredential]::new('administrator@vsphere.local', (ConvertTo-SecureString $Password -AsPlainText -Force))
    }
    function script:Get-Row([string] $Sql) { Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql $Sql }
    function script:Get-StoredPassword([int] $Id) { Get-Row "SELECT password_encrypted FROM vmware_credentials WHERE id = $Id" }
    function script:Add-TestContext([int] $CredentialId) {
        $context = 'ctx-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
        Get-Row ("INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter, credential_id) " +
            "VALUES ('$context', '$context', '$([guid]::NewGuid())', '/DC1/vm/$context', 'vc01', 'DC1', $CredentialId)") | Out-Null
        $context
    }
}

AfterAll {
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $SavedKeyVariable
    if ($SavedKeyFileVariable) { $env:SENDENSE_CRED_ENCRYPTION_KEY_FILE = $SavedKeyFileVariable }
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

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
        $otherKey = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
        $unit = Join-Path $TestDrive 'sendense-hub.service'
        Set-Content -Path $unit -Value "[Service]`nEnvironment=MIGRATEKIT_CRED_ENCRYPTION_KEY=$otherKey`nExecStart=/usr/local/bin/sendense-hub"

        $fromParameter = New-SendenseVCenterCredential -Name (New-TestName 'param') -VCenter vc01 -Credential (New-TestCredential 'P1-secret') -Datacenter DC1 -EncryptionKey (ConvertTo-SecureString $otherKey -AsPlainText -Force)
        $fromFile = New-SendenseVCenterCredential -Name (New-TestName 'file') -VCenter vc01 -Credential (New-TestCredential 'P2-secret') -Datacenter DC1 -EncryptionKeyFile $unit

        Invoke-RigCredCrypt -Mode decrypt -Key $otherKey -InputLine (Get-StoredPassword $fromParameter.Id), (Get-StoredPassword $fromFile.Id) |
            Should -Be @('P1-secret', 'P2-secret')
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

    It 'refuses to make an inactive credential the default' {
        $created = New-SendenseVCenterCredential -Name (New-TestName 'inact') -VCenter vc01 -Credential (New-TestCredential 'h-secret') -Datacenter DC1 -Active $false

        Set-SendenseVCenterCredential -Id $created.Id -Default -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -Be 'VCenterCredentialInvalid,Sendense.PowerShell.Commands.SetSendenseVCenterCredentialCommand'
        (Get-SendenseVCenterCredential -Id $created.Id).IsDefault | Should -BeFalse
    }
}

Describe 'Remove-SendenseVCenterCredential' -Tag Credential {
    It 'is ConfirmImpact High' {
        $metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command Remove-SendenseVCenterCredential))
        $metadata.ConfirmImpact | Should -Be 'High'
        $metadata.SupportsShouldProcess | Should -BeTrue
    }

    It 'refuses while a VM context uses the credential, and removes it with -Force leaving the VM without one' {
        $created = New-SendenseVCenterCredential -Name (New-TestName 'used') -VCenter vc01 -Credential (New-TestCredential 'i-secret') -Datacenter DC1
        $context = Add-TestContext $created.Id

        Remove-SendenseVCenterCredential -Name $created.Name -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'VCenterCredentialInUse,Sendense.PowerShell.Commands.RemoveSendenseVCenterCredentialCommand'
        $problems[0].Exception.Message | Should -Match '1 VM'
        Get-SendenseVCenterCredential -Id $created.Id | Should -Not -BeNullOrEmpty

        $created | Remove-SendenseVCenterCredential -Force -WhatIf
        Get-SendenseVCenterCredential -Id $created.Id | Should -Not -BeNullOrEmpty

        $created | Remove-SendenseVCenterCredential -Force -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -Match 'now have no credential'
        Get-SendenseVCenterCredential -Id $created.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-Row "SELECT COALESCE(credential_id, 'NULL') FROM vm_replication_contexts WHERE context_id = '$context'" | Should -Be 'NULL'
    }

    It 'removes an unused credential by id without -Force' {
        $created = New-SendenseVCenterCredential -Name (New-TestName 'free') -VCenter vc01 -Credential (New-TestCredential 'j-secret') -Datacenter DC1

        Remove-SendenseVCenterCredential -Id $created.Id -Confirm:$false

        Get-Row "SELECT COUNT(*) FROM vmware_credentials WHERE id = $($created.Id)" | Should -Be '0'
    }
}

Describe 'The -VCenterCredential parameter type' -Tag Credential {
    It 'binds a name, an id, a credential object and a deserialized credential' {
        $created = New-SendenseVCenterCredential -Name (New-TestName 'bind') -VCenter vc01 -Credential (New-TestCredential 'l-secret') -Datacenter DC1
        function Resolve-TestIdentity {
            param([Sendense.PowerShell.Parameters.VCenterCredentialTransformation()][Sendense.Core.Credentials.VCenterCredentialIdentity] $VCenterCredential)
            $VCenterCredential
        }
        $deserialized = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($created))

        (Resolve-TestIdentity -VCenterCredential 'Prod').Name | Should -Be 'Prod'
        (Resolve-TestIdentity -VCenterCredential 42).Id | Should -Be 42
        (Resolve-TestIdentity -VCenterCredential $created).Id | Should -Be $created.Id
        (Resolve-TestIdentity -VCenterCredential $deserialized).Id | Should -Be $created.Id
        { Resolve-TestIdentity -VCenterCredential (Get-Date) } | Should -Throw '*vCenter credential*'
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
        $all | Should -Match 'VCenterCredentialInUse'
        $all | Should -Match 'stored in clear'
        $all | Should -Not -Match ([regex]::Escape($password))
        $all | Should -Not -Match ([regex]::Escape($Key))
        foreach ($stored in $script:LeakStored) { $all | Should -Not -Match ([regex]::Escape($stored)) }
        Get-SendenseVCenterCredential -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
