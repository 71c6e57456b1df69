# Add-SendenseVM from PowerCLI objects and names: the cmdlet discovers exactly those VMs in vCenter (the simulator)
# for their full metadata, then adds them; stored credentials are recorded in credential_id and counted.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = Initialize-TestHub
    $script:Sim = Start-RigSimulator -Datacenter 1 -Cluster 1 -ClusterHost 1 -StandaloneHost 1 -VM 3 -Tls
    $script:Stored = New-SendenseVCenterCredential -Name 'sdtest-lab' -VCenter $Sim.Server -Credential $Sim.Credential -Datacenter DC0
    $script:All = @(Invoke-SendenseVMDiscovery -VCenter $Sim.Server -Credential $Sim.Credential -Thumbprint $Sim.Sha256)

    # What PowerCLI's Get-VM writes, as far as Add-SendenseVM reads it (by property name; no PowerCLI assembly).
    function script:ConvertTo-PowerCLIVM($vm) {
        [pscustomobject]@{
            PSTypeName   = 'VMware.VimAutomation.ViCore.Impl.V1.VM.UniversalVirtualMachineImpl'
            Name         = $vm.Name
            Id           = "VirtualMachine-$($vm.MoRef)"
            PersistentId = $vm.InstanceUuid
            Uid          = "/VIServer=$($Sim.UserName)@$($Sim.Server)/VirtualMachine=VirtualMachine-$($vm.MoRef)/"
            PowerState   = 'PoweredOn'
        }
    }
    function script:Get-Context([string] $Name) {
        Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql "SELECT CONCAT_WS('|', vm_name, vmware_vm_id, IFNULL(credential_id,'NULL'), (SELECT COUNT(*) FROM vm_disks d WHERE d.vm_context_id = c.context_id)) FROM vm_replication_contexts c WHERE vm_name = '$Name'"
    }
}

AfterAll {
    if ($script:Sim) { Stop-RigSimulator $script:Sim }
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $script:SavedKey
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe 'Add-SendenseVM with PowerCLI objects and names' -Tag VM, Credential {
    It 'discovers piped PowerCLI VirtualMachine objects and adds them with full metadata and the stored credential' {
        $picked = $All | Select-Object -First 2
        $before = [int](Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql "SELECT usage_count FROM vmware_credentials WHERE id = $($Stored.Id)")

        $added = @($picked | ForEach-Object { ConvertTo-PowerCLIVM $_ } | Add-SendenseVM -VCenterCredential sdtest-lab -Thumbprint $Sim.Sha256)

        $added.Count | Should -Be 2
        $added.Result | Sort-Object -Unique | Should -Be 'Added'
        foreach ($vm in $picked) {
            Get-Context $vm.Name | Should -Be "$($vm.Name)|$($vm.BiosUuid)|$($Stored.Id)|$($vm.Disks.Count)"
        }
        [int](Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql "SELECT usage_count FROM vmware_credentials WHERE id = $($Stored.Id)") | Should -Be ($before + 1)
    }

    It 'adds by -Name with -VCenter and -Credential, and gives the VM the hub''s only credential for that vCenter' {
        $vm = $All | Select-Object -Skip 2 -First 1

        $added = Add-SendenseVM -Name $vm.Name -VCenter $Sim.Server -Credential $Sim.Credential -Thumbprint $Sim.Sha256 -Verbose 4>&1 |
            Where-Object { $_ -is [Sendense.VM] -or $_.PSObject.TypeNames -contains 'Sendense.VM' }

        $added.Name | Should -Be $vm.Name
        $added.CredentialId | Should -Be $Stored.Id
        Get-Context $vm.Name | Should -Be "$($vm.Name)|$($vm.BiosUuid)|$($Stored.Id)|$($vm.Disks.Count)"
    }

    It 'reports a name vCenter does not have as a per-VM error and adds the rest' {
        $vm = $All | Select-Object -Skip 3 -First 1
        $added = @(Add-SendenseVM -Name 'no-such-vm', $vm.Name -VCenterCredential sdtest-lab -Thumbprint $Sim.Sha256 -ErrorVariable problems -ErrorAction SilentlyContinue)

        $added.Name | Should -Be $vm.Name
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'VCenterVMNotFound,Sendense.PowerShell.Commands.AddSendenseVMCommand'
        $problems[0].TargetObject | Should -Be 'no-such-vm'
    }

    It 'says how to connect when names come without any way into vCenter' {
        { Add-SendenseVM -Name 'web01' -ErrorAction Stop } |
            Should -Throw -ErrorId 'VCenterInvalidArgument,Sendense.PowerShell.Commands.AddSendenseVMCommand' -ExpectedMessage '*-VCenterCredential*'
    }

    It 'refuses a PowerCLI object of another vCenter than the one it logs in to' {
        $vm = ConvertTo-PowerCLIVM ($All | Select-Object -First 1)
        $vm.Uid = "/VIServer=someone@other-vc.example.com:443/VirtualMachine=$($vm.Id)/"
        $added = @($vm | Add-SendenseVM -VCenterCredential sdtest-lab -Thumbprint $Sim.Sha256 -ErrorVariable problems -ErrorAction SilentlyContinue)
        $added.Count | Should -Be 0
        $problems[0].Exception.Message | Should -Match 'other-vc.example.com'
    }
}
