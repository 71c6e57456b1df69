@{
    RootModule             = 'Sendense.PowerShell.dll'
    # Stamped at build time from Directory.Build.props (the one place the version lives).
    ModuleVersion          = '0.0.0'
    GUID                   = '6f1b3a52-9c4e-4d7a-8f25-3b1e9a0c7d41'
    Author                 = 'Sendense'
    CompanyName            = 'Sendense'
    Copyright              = '(c) Sendense. All rights reserved.'
    Description            = 'Onboard VMware virtual machines into the Sendense backup hub: discover VMs in vCenter, add them to hub management, find the ungrouped ones and organise them in protection groups, from the shell or an unattended runbook.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'

    FormatsToProcess       = @(
        'formats/Hub.Format.ps1xml'
        'formats/Credential.Format.ps1xml'
        'formats/ProtectionGroup.Format.ps1xml'
        'formats/Discovery.Format.ps1xml'
        'formats/VM.Format.ps1xml'
        'formats/Flow.Format.ps1xml'
        'formats/Refresh.Format.ps1xml'
    )
    TypesToProcess         = @(
        'types/Hub.Types.ps1xml'
        'types/Credential.Types.ps1xml'
        'types/ProtectionGroup.Types.ps1xml'
        'types/Discovery.Types.ps1xml'
        'types/VM.Types.ps1xml'
        'types/Flow.Types.ps1xml'
    )

    # Explicit lists: no wildcards, so command discovery never has to load the assembly.
    CmdletsToExport        = @(
        'Connect-SendenseHub'
        'Disconnect-SendenseHub'
        'New-SendenseVCenterCredential'
        'Get-SendenseVCenterCredential'
        'Set-SendenseVCenterCredential'
        'Remove-SendenseVCenterCredential'
        'Test-SendenseVCenterCredential'
        'New-SendenseProtectionGroup'
        'Get-SendenseProtectionGroup'
        'Set-SendenseProtectionGroup'
        'Remove-SendenseProtectionGroup'
        'Get-SendenseProtectionGroupMember'
        'Add-SendenseProtectionGroupMember'
        'Remove-SendenseProtectionGroupMember'
        'Invoke-SendenseVMDiscovery'
        'Initialize-SendenseDatabase'
        'Add-SendenseVM'
        'Get-SendenseVM'
        'Get-SendenseUngroupedVM'
        'Remove-SendenseVM'
        'Get-SendenseBackupRepository'
        'Get-SendenseBackupPolicy'
        'New-SendenseProtectionFlow'
        'Get-SendenseProtectionFlow'
        'Get-SendenseProtectionFlowMember'
        'Get-SendenseProtectionFlowExecution'
        'Set-SendenseProtectionFlow'
        'Remove-SendenseProtectionFlow'
        'Get-SendenseProtectionSummary'
        'Update-SendenseVM'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()

    PrivateData            = @{
        PSData = @{
            Tags         = @('Sendense', 'VMware', 'vSphere', 'vCenter', 'Backup', 'MariaDB', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/sendense/Sendense.PowerShell'
            LicenseUri   = 'https://github.com/sendense/Sendense.PowerShell/blob/main/LICENSE'
            ReleaseNotes = 'See docs/ in the project repository.'
        }
    }
}
