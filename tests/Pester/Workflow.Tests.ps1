# The whole onboarding workflow on the real pair: govmomi's vCenter simulator (TLS, a required password, several
# datacenters, clusters, standalone hosts, vApps, nested folders, templates) and a hub database with the upstream
# schema. Discover -> add -> ungrouped -> group, checking the rows against the upstream contract column by column.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $null = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None
    $script:Sim = Start-RigSimulator -Datacenter 2 -Cluster 2 -ClusterHost 1 -StandaloneHost 1 -VM 2 -App 1 -Template 1 -Tls `
        -VMFolder 'Prod & Test/Web', 'Lab' -Rename @{ 'DC0_C0_RP0_VM0' = 'web-01'; 'DC1_C1_RP0_VM1' = 'web-02' }
    $script:Discovered = @(Invoke-SendenseVMDiscovery -VCenter $Sim.Server -Credential $Sim.Credential -Datacenter * -Thumbprint $Sim.Sha256)

    function script:Get-Rows([string] $Sql) {
        Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql $Sql | ForEach-Object { , ($_ -split "`t") }
    }
}

AfterAll {
    if ($script:Sim) { Stop-RigSimulator $script:Sim }
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe 'Discover -> add -> ungrouped -> group' -Tag Workflow {
    It 'discovers every VM of both datacenters, templates left out' {
        # 2 DCs x (1 standalone + 2 clusters x (1 root pool + 1 vApp)) x 2 VMs, minus one template per DC.
        $Discovered.Count | Should -Be (2 * (1 + 2 * 2) * 2 - 2)
        $Discovered.IsTemplate | Sort-Object -Unique | Should -Be $false
        ($Discovered | Where-Object Folder -like 'Prod & Test/Web*').Count | Should -BeGreaterThan 0
    }

    It 'adds them with every context and disk column as the hub writes it' {
        $added = @($Discovered | Add-SendenseVM)
        $added.Count | Should -Be $Discovered.Count
        $added.Result | Sort-Object -Unique | Should -Be 'Added'

        $contexts = @{}
        foreach ($row in Get-Rows ("SELECT context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter, current_status, " +
                "IFNULL(current_job_id,'NULL'), total_jobs_run, successful_jobs, failed_jobs, IFNULL(last_successful_job_id,'NULL'), " +
                "cpu_count, memory_mb, os_type, power_state, vm_tools_version, auto_added, scheduler_enabled, " +
                "IFNULL(ossea_config_id,'NULL'), IFNULL(credential_id,'NULL'), IFNULL(first_job_at,'NULL'), IFNULL(last_job_at,'NULL'), " +
                "IFNULL(next_scheduled_at,'NULL'), IFNULL(last_operation_summary,'NULL'), created_at IS NOT NULL, updated_at IS NOT NULL FROM vm_replication_contexts")) {
            $contexts[$row[1]] = $row
        }
        $contexts.Count | Should -Be $Discovered.Count
        foreach ($vm in $Discovered) {
            $row = $contexts[$vm.InventoryName]
            $row | Should -Not -BeNullOrEmpty -Because "$($vm.Name) must have a context"
            $row[0] | Should -Match ('^ctx-' + [regex]::Escape($vm.InventoryName) + '-\d{8}-\d{6}$')
            $row[2..6] | Should -Be @($vm.BiosUuid, $vm.Path, $vm.VCenter, $vm.Datacenter, 'discovered')
            $row[7..11] | Should -Be @('NULL', '0', '0', '0', 'NULL')
            $row[12..16] | Should -Be @([string]$vm.NumCpu, [string]$vm.MemoryMB, 'other', $vm.PowerState, $vm.HardwareVersion)
            $row[17..26] | Should -Be @('1', '1', '0', 'NULL', 'NULL', 'NULL', 'NULL', 'NULL', '1', '1')
        }

        $disks = Get-Rows ("SELECT c.vm_name, d.disk_id, d.vm_dk_path, d.size_gb, d.datastore, d.unit_number, d.label, d.capacity_bytes, " +
            "d.provisioning_type, IFNULL(d.job_id,'NULL'), d.sync_status FROM vm_disks d JOIN vm_replication_contexts c ON c.context_id = d.vm_context_id ORDER BY c.vm_name, d.disk_id")
        @($disks).Count | Should -Be ($Discovered.Disks.Count)
        foreach ($vm in $Discovered) {
            foreach ($disk in $vm.Disks) {
                $row = $disks | Where-Object { $_[0] -eq $vm.InventoryName -and $_[1] -eq $disk.Id }
                $row | Should -Not -BeNullOrEmpty
                $row[2..10] | Should -Be @($disk.FileName, [string]$disk.SizeGB, $disk.Datastore, [string]$disk.UnitNumber, $disk.Label,
                    [string]$disk.CapacityBytes, $disk.ProvisioningType, 'NULL', 'pending')
            }
        }
    }

    It 'adds nothing when run again' {
        $again = @($Discovered | Add-SendenseVM)
        $again.Result | Sort-Object -Unique | Should -Be 'Unchanged'
        [int](Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql 'SELECT COUNT(*) FROM vm_replication_contexts') | Should -Be $Discovered.Count
    }

    It 'groups the ungrouped web VMs and the ungrouped list shrinks by as many' {
        $before = @(Get-SendenseUngroupedVM).Count
        $before | Should -Be $Discovered.Count

        $group = Get-SendenseUngroupedVM -Name 'web*' | New-SendenseProtectionGroup -Name 'Web tier' -Description 'nightly'

        $group.MemberCount | Should -Be 2
        @(Get-SendenseUngroupedVM).Count | Should -Be ($before - 2)
        (Get-SendenseVM -Name 'web*').Groups | Sort-Object -Unique | Should -Be 'Web tier'
        (Get-SendenseProtectionGroupMember -Group 'Web tier').VMName | Sort-Object | Should -Be @('web-01', 'web-02')
    }
}
