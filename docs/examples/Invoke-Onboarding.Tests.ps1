<#
Tests of the sample runbook Invoke-Onboarding.ps1, as docs/testing-guide.md explains them:
- "with mocks": the Sendense cmdlets are mocked and return real Sendense objects (the module's own types, filled
  with realistic values), so the runbook's decisions are tested without a hub or a vCenter;
- "against the lab": the runbook runs against a disposable hub and vCenter simulator started with
  `./build.ps1 -Task Lab -Detach`, whose values `. ./out/lab/lab.ps1` puts into SENDENSE_LAB_* variables.
  Without them these tests are skipped.
Run: Invoke-Pester ./docs/examples/Invoke-Onboarding.Tests.ps1 -Output Detailed
#>
BeforeDiscovery {
    $script:NoLab = -not $env:SENDENSE_LAB_HUB_SERVER
}

BeforeAll {
    Import-Module Sendense
    $script:Runbook = Join-Path $PSScriptRoot 'Invoke-Onboarding.ps1'

    function script:New-TestDiscoveredVM([string] $Name) {
        [Sendense.DiscoveredVM]@{
            Name = $Name; InventoryName = $Name; VCenter = 'vc01.example.com'; Datacenter = 'DC1'; Folder = 'Production/Web'
            Path = "/DC1/vm/Production/Web/$Name"; MoRef = 'vm-' + (Get-Random -Maximum 9999); BiosUuid = [guid]::NewGuid().ToString()
            PowerState = 'poweredOn'; NumCpu = 2; MemoryMB = 4096; GuestOS = 'ubuntu64Guest'; Host = 'esx01'; Cluster = 'Cluster1'
            IsManaged = $false; CredentialId = 1
        }
    }

    function script:New-TestVM([string] $Name, [string[]] $Groups = @(), [string] $Result = 'Added') {
        [Sendense.VM]@{
            ContextId = "ctx-$Name-20261202-010000"; Name = $Name; VCenter = 'vc01.example.com'; Datacenter = 'DC1'
            Path = "/DC1/vm/Production/Web/$Name"; BiosUuid = [guid]::NewGuid().ToString(); Status = 'discovered'
            PowerState = 'poweredOn'; Groups = $Groups; Result = $Result
        }
    }
}

Describe 'Invoke-Onboarding with mocks' {
    BeforeAll {
        Mock Invoke-SendenseVMDiscovery { 'web01', 'web02', 'web03' | ForEach-Object { New-TestDiscoveredVM $_ } }
        Mock Add-SendenseVM { process { New-TestVM $InputObject.Name -Groups $(if ($InputObject.Name -eq 'web03') { 'Web tier' }) } }
        Mock New-SendenseProtectionGroup { [Sendense.ProtectionGroup]@{ Id = 'a1b2'; Name = $Name; Description = $Description; MemberCount = 2 } }
        Mock Get-SendenseProtectionGroupMember { 'web01', 'web02' | ForEach-Object { [Sendense.ProtectionGroupMember]@{ VMName = $_; GroupName = 'Onboarded'; Enabled = $true } } }
    }

    It 'creates the group from the VMs that are in none' {
        Mock Get-SendenseProtectionGroup { }
        $summary = & $Runbook -VCenterCredential Prod -Name 'web*'
        $summary.Discovered | Should -Be 3
        $summary.Added | Should -Be 3
        $summary.Grouped | Should -Be 2
        Should -Invoke Invoke-SendenseVMDiscovery -Times 1 -ParameterFilter { $VCenterCredential.Name -eq 'Prod' -and $Name -contains 'web*' }
        Should -Invoke New-SendenseProtectionGroup -Times 1 -ParameterFilter { $Name -eq 'Onboarded' }
    }

    It 'adds to the group when it exists' {
        Mock Get-SendenseProtectionGroup { [Sendense.ProtectionGroup]@{ Id = 'a1b2'; Name = 'Onboarded' } }
        Mock Add-SendenseProtectionGroupMember { process { [Sendense.ProtectionGroupMember]@{ VMName = $VM.Name; GroupName = $Group; Result = 'Added' } } }
        $summary = & $Runbook -VCenterCredential Prod
        $summary.Grouped | Should -Be 2
        Should -Invoke Add-SendenseProtectionGroupMember -Times 2
        Should -Invoke New-SendenseProtectionGroup -Times 0
    }

    It 'fails, after its summary, when a VM could not be added' {
        Mock Get-SendenseProtectionGroup { }
        Mock Add-SendenseVM {
            process {
                if ($InputObject.Name -eq 'web02') { Write-Error -Message "VM 'web02' conflicts" -ErrorId VMNameConflict -Category ResourceExists }
                else { New-TestVM $InputObject.Name }
            }
        }
        { & $Runbook -VCenterCredential Prod } | Should -Throw '*1 VM(s) could not be added*'
    }
}

Describe 'Invoke-Onboarding against the lab' -Skip:$NoLab {
    BeforeAll {
        $hubCredential = [pscredential]::new($env:SENDENSE_LAB_HUB_USER, (ConvertTo-SecureString $env:SENDENSE_LAB_HUB_PASSWORD -AsPlainText -Force))
        $vcCredential = [pscredential]::new($env:SENDENSE_LAB_VCENTER_USER, (ConvertTo-SecureString $env:SENDENSE_LAB_VCENTER_PASSWORD -AsPlainText -Force))
        $script:Hub = Connect-SendenseHub -Server $env:SENDENSE_LAB_HUB_SERVER -Port $env:SENDENSE_LAB_HUB_PORT -Database $env:SENDENSE_LAB_HUB_DATABASE -Credential $hubCredential -NotDefault
        # A stored credential of the lab's vCenter, under the key lab.ps1 set (MIGRATEKIT_CRED_ENCRYPTION_KEY).
        $script:CredentialName = 'lab-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $null = New-SendenseVCenterCredential -Name $CredentialName -VCenter $env:SENDENSE_LAB_VCENTER -Credential $vcCredential -Datacenter DC0 -Hub $Hub
        $PSDefaultParameterValues['Invoke-SendenseVMDiscovery:Thumbprint'] = $env:SENDENSE_LAB_VCENTER_SHA256
        $script:Group = 'Onboarded ' + $CredentialName
    }

    AfterAll {
        if ($script:Hub) {
            Get-SendenseProtectionGroup -Name $Group -Hub $Hub -ErrorAction SilentlyContinue | Remove-SendenseProtectionGroup -Force -Hub $Hub -Confirm:$false
            Disconnect-SendenseHub -Hub $Hub
        }
    }

    It 'onboards the datacenter and groups its VMs' {
        $summary = & $Runbook -VCenterCredential $CredentialName -Group $Group -Hub $Hub
        $summary.Discovered | Should -BeGreaterThan 0
        $summary.Failed | Should -Be 0
        $members = @(Get-SendenseProtectionGroupMember -Group $Group -Hub $Hub)
        $members.Count | Should -Be $summary.Grouped
        $members.VCenter | Sort-Object -Unique | Should -Be $env:SENDENSE_LAB_VCENTER
    }

    It 'changes nothing when it runs again' {
        $summary = & $Runbook -VCenterCredential $CredentialName -Group $Group -Hub $Hub
        $summary.Added | Should -Be 0
        $summary.Failed | Should -Be 0
    }
}
