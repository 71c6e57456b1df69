# The -VCenterCredential parameter type of Test-SendenseVCenterCredential (and of discovery and add). Logging in
# with a stored credential against the simulator is in CredentialWorkflow.Tests.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'CredentialTestHelpers.ps1') }
AfterAll { Stop-CredentialSuite }

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
