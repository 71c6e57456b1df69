# Stored vCenter credentials in the real workflow: a credential made with New-SendenseVCenterCredential logs in to
# the simulator for Test-SendenseVCenterCredential and Invoke-SendenseVMDiscovery, the VMs added from that discovery
# carry its id, every use is counted, and the password shows up in no stream.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $script:Hub = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None
    $script:SavedKey = $env:MIGRATEKIT_CRED_ENCRYPTION_KEY
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    $script:Sim = Start-RigSimulator -Datacenter 2 -Cluster 1 -ClusterHost 1 -StandaloneHost 1 -VM 2 -Tls -Password ('Sim-' + (New-RigSecret) + '!&<x>')
    $script:Name = 'sdtest-prod-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    $script:Stored = New-SendenseVCenterCredential -Name $Name -VCenter $Sim.Server -Credential $Sim.Credential -Datacenter DC0
    function script:Get-Usage([int] $Id) {
        [int](Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql "SELECT usage_count FROM vmware_credentials WHERE id = $Id")
    }
}

AfterAll {
    if ($script:Sim) { Stop-RigSimulator $script:Sim }
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $script:SavedKey
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe 'Test-SendenseVCenterCredential' -Tag Credential {
    It 'logs in to the credential''s vCenter and out again, and counts the use' {
        $before = Get-Usage $Stored.Id
        $result = Test-SendenseVCenterCredential -Name $Name -Thumbprint $Sim.Sha256

        $result | Should -BeOfType ([Sendense.VCenterCredentialTestResult])
        $result.Succeeded | Should -BeTrue
        $result.VCenter | Should -Be $Sim.Server
        $result.Product | Should -Match 'VMware'
        Get-Usage $Stored.Id | Should -Be ($before + 1)
    }

    It 'reports a refused login as a result with VCenterLoginFailed, counted as no use' {
        $badName = 'sdtest-bad-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $bad = New-SendenseVCenterCredential -Name $badName -VCenter $Sim.Server -Datacenter DC0 `
            -Credential ([pscredential]::new($Sim.UserName, (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force)))

        $result = Get-SendenseVCenterCredential -Name $badName | Test-SendenseVCenterCredential -Thumbprint $Sim.Sha256

        $result.Succeeded | Should -BeFalse
        $result.ErrorId | Should -Be 'VCenterLoginFailed'
        $result.Message | Should -Match ([regex]::Escape($Sim.Server))
        Get-Usage $bad.Id | Should -Be 0
        Test-SendenseVCenterCredential -Name $badName -Thumbprint $Sim.Sha256 -Quiet | Should -BeFalse
    }

    It 'refuses the untrusted simulator certificate unless it is pinned, naming the thumbprint' {
        $result = Test-SendenseVCenterCredential -Name $Name
        $result.Succeeded | Should -BeFalse
        $result.ErrorId | Should -Be 'VCenterCertificateUntrusted'
        $result.Message | Should -Match ([regex]::Escape($Sim.Sha256))
    }
}

Describe 'Discovery and add with -VCenterCredential' -Tag Credential, Discovery, VM {
    It 'discovers the credential''s datacenter with its login, stamps its id on every VM, and counts one use' {
        $before = Get-Usage $Stored.Id
        $vms = @(Invoke-SendenseVMDiscovery -VCenterCredential $Name -Thumbprint $Sim.Sha256)

        $vms.Count | Should -BeGreaterThan 0
        ($vms.Datacenter | Sort-Object -Unique) | Should -Be 'DC0'
        ($vms.CredentialId | Sort-Object -Unique) | Should -Be $Stored.Id
        ($vms.VCenter | Sort-Object -Unique) | Should -Be $Sim.Server
        Get-Usage $Stored.Id | Should -Be ($before + 1)
    }

    It 'adds the discovered VMs with the credential''s id in credential_id' {
        $before = Get-Usage $Stored.Id
        $added = @(Invoke-SendenseVMDiscovery -VCenterCredential $Name -Thumbprint $Sim.Sha256 -Datacenter DC1 | Add-SendenseVM)

        $added.Count | Should -BeGreaterThan 0
        ($added.CredentialId | Sort-Object -Unique) | Should -Be $Stored.Id
        $rows = Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql "SELECT DISTINCT IFNULL(credential_id, 'NULL') FROM vm_replication_contexts WHERE datacenter = 'DC1'"
        $rows | Should -Be ([string]$Stored.Id)
        # One use for the discovery's login, one for the add that recorded the credential in the rows.
        Get-Usage $Stored.Id | Should -Be ($before + 2)
    }

    It 'never shows the password in any stream, with -Verbose and -Debug, even when things fail' {
        $password = $Sim.Password
        $everything = & {
            Invoke-SendenseVMDiscovery -VCenterCredential $Name -Thumbprint $Sim.Sha256 -Verbose -Debug | Add-SendenseVM -Verbose -Debug -WhatIf
            Test-SendenseVCenterCredential -Name $Name -Verbose -Debug
            # Terminating errors are caught and written, so their text is searched like everything else.
            try { Invoke-SendenseVMDiscovery -VCenterCredential 'no-such-credential' } catch { $_ | Out-String; $_.Exception.ToString() }
            try { Invoke-SendenseVMDiscovery -VCenter $Sim.Server -Credential ([pscredential]::new($Sim.UserName, (ConvertTo-SecureString 'wrong' -AsPlainText -Force))) -Thumbprint $Sim.Sha256 } catch { $_ | Out-String; $_.Exception.ToString() }
        } *>&1 2>&1 | Out-String -Width 400
        $DebugPreference = 'SilentlyContinue'
        $everything | Should -Not -BeNullOrEmpty
        $everything | Should -Not -Match ([regex]::Escape($password))
        ($Error | ForEach-Object { $_.ToString() + $_.Exception.ToString() }) -join "`n" | Should -Not -Match ([regex]::Escape($password))
    }
}
