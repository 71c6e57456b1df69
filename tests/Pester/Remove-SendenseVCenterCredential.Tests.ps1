# Remove-SendenseVCenterCredential on the rig's MariaDB: the in-use refusal, -Force and the confirmation.
BeforeAll { . (Join-Path $PSScriptRoot 'CredentialTestHelpers.ps1') }
AfterAll { Stop-CredentialSuite }

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

    It 'does not ask with -Force (runbooks need no -Confirm:$false), but still asks with -Force -Confirm' {
        $forced = New-SendenseVCenterCredential -Name (New-TestName 'forced') -VCenter vc01 -Credential (New-TestCredential 'r-secret') -Datacenter DC1
        $asked = New-SendenseVCenterCredential -Name (New-TestName 'asked') -VCenter vc01 -Credential (New-TestCredential 's-secret') -Datacenter DC1

        # The suites run in a non-interactive pwsh: a confirmation prompt fails there instead of waiting.
        Remove-SendenseVCenterCredential -Id $forced.Id -Force -Verbose 4>&1 | Out-String | Should -Match 'Remove vCenter credential'
        { Remove-SendenseVCenterCredential -Id $asked.Id -Force -Confirm } | Should -Throw

        Get-Row "SELECT COUNT(*) FROM vmware_credentials WHERE id = $($forced.Id)" | Should -Be '0'
        Get-Row "SELECT COUNT(*) FROM vmware_credentials WHERE id = $($asked.Id)" | Should -Be '1'
    }

    It 'removes an unused credential by id without -Force' {
        $created = New-SendenseVCenterCredential -Name (New-TestName 'free') -VCenter vc01 -Credential (New-TestCredential 'j-secret') -Datacenter DC1

        Remove-SendenseVCenterCredential -Id $created.Id -Confirm:$false

        Get-Row "SELECT COUNT(*) FROM vmware_credentials WHERE id = $($created.Id)" | Should -Be '0'
    }
}
