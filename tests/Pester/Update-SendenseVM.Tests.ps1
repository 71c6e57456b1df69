# Update-SendenseVM against the simulator: after renames, power and size changes, added and removed disks and a
# destroyed VM, the hub's rows match what Add-SendenseVM writes for the same VMs into an empty hub, column by column.
# Simulators are started once and shared by the tests of this file (they run in order). Two simulators of the same
# topology give their VMs the same BIOS uuids, so every query by uuid also names the vCenter.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = Initialize-TestHub
    $script:Sim, $script:Other = Start-RigSimulators -Topology @{ VM = 8; Tls = $true }, @{ VM = 2; Tls = $true }
    $script:Stored = New-SendenseVCenterCredential -Name 'sdtest-refresh' -VCenter $Sim.Server -Credential $Sim.Credential -Datacenter DC0
    $null = New-SendenseVCenterCredential -Name 'sdtest-refresh-other' -VCenter $Other.Server -Credential $Other.Credential -Datacenter DC0
    $script:Initial = @(Invoke-SendenseVMDiscovery -VCenterCredential sdtest-refresh -Thumbprint $Sim.Sha256)
    $null = $Initial | Add-SendenseVM
    $script:OtherCount = @(Invoke-SendenseVMDiscovery -VCenterCredential sdtest-refresh-other -Thumbprint $Other.Sha256 | Add-SendenseVM).Count

    function script:Sql([string] $Sql, $Database = $script:Db) { @(Invoke-RigSql -ConnectionString $Database.ConnectionString -Sql $Sql) }
    # What vCenter decides, row by row (context ids, timestamps and the credential are the hub's own).
    $script:ContextColumns = "CONCAT_WS('|', vmware_vm_id, vm_name, vm_path, vcenter_host, datacenter, cpu_count, memory_mb, os_type, power_state, vm_tools_version, current_status, total_jobs_run)"
    $script:DiskColumns = "CONCAT_WS('|', c.vmware_vm_id, d.disk_id, d.vm_dk_path, d.size_gb, d.datastore, d.label, d.capacity_bytes, d.unit_number, d.provisioning_type, IFNULL(d.job_id, 'none'))"
    function script:Rows($Database, [string] $Where = '1=1') {
        Sql "SELECT $ContextColumns FROM vm_replication_contexts WHERE $Where ORDER BY vmware_vm_id" $Database
        Sql "SELECT $DiskColumns FROM vm_disks d JOIN vm_replication_contexts c ON c.context_id = d.vm_context_id WHERE $Where ORDER BY c.vmware_vm_id, d.disk_id" $Database
    }
    function script:Snapshot { (Sql "SELECT CONCAT_WS('|', context_id, vm_name, power_state, cpu_count, updated_at) FROM vm_replication_contexts ORDER BY context_id") + (Sql "SELECT CONCAT_WS('|', id, disk_id, size_gb, updated_at) FROM vm_disks ORDER BY id") }
    function script:VMOf([string] $Name) { $Initial | Where-Object Name -eq $Name }
}

AfterAll {
    if ($script:Sim) { Stop-RigSimulator $script:Sim }
    if ($script:Other) { Stop-RigSimulator $script:Other -ErrorAction SilentlyContinue }
    if ($script:Fresh) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Fresh.Name }
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $script:SavedKey
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe 'Update-SendenseVM' -Tag Refresh {
    It 'makes every changed row and disk match vCenter column by column, and reports the destroyed VM as Missing' {
        $names = @($Initial.Name | Sort-Object)
        $script:Renamed, $script:Off, $script:Resized, $script:Grown, $script:Shrunk, $script:Destroyed = $names[0..5]
        $null = Rename-RigVM $Sim -Name $Renamed -NewName "$Renamed-renamed"
        $null = Set-RigVMPowerState $Sim -Name $Off -State PoweredOff
        $null = Set-RigVMSize $Sim -Name $Resized -NumCpu 6 -MemoryMB 12288
        $null = Add-RigVMDisk $Sim -Name $Grown -SizeMB 2048
        $null = Remove-RigVMDisk $Sim -Name $Shrunk -Disk (VMOf $Shrunk).Disks[0].Label
        $null = Remove-RigVM $Sim -Name $Destroyed

        $out = @(Update-SendenseVM -VCenter $Sim.Server -Thumbprint $Sim.Sha256)

        $out.Count | Should -Be $Initial.Count
        $byUuid = @{}; $out | ForEach-Object { $byUuid[$_.BiosUuid] = "$($_.Result)" }
        foreach ($name in $Renamed, $Off, $Resized, $Grown, $Shrunk) { $byUuid[(VMOf $name).BiosUuid] | Should -Be 'Refreshed' -Because "$name changed in vCenter" }
        $byUuid[(VMOf $Destroyed).BiosUuid] | Should -Be 'Missing'
        @($out | Where-Object Result -eq 'Unchanged').Count | Should -Be ($Initial.Count - 6)
        @(Sql "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = '$($Sim.Server)' AND vmware_vm_id = '$((VMOf $Destroyed).BiosUuid)'")[0] | Should -Be 1

        # The reference: the same VMs as vCenter has them now, added by Add-SendenseVM into an empty hub.
        $script:Fresh = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
        $freshHub = Connect-SendenseHub -Server $Fresh.Server -Port $Fresh.Port -Database $Fresh.Name -Credential $Fresh.Credential -TlsMode None -NotDefault
        $null = Invoke-SendenseVMDiscovery -VCenter $Sim.Server -Credential $Sim.Credential -Thumbprint $Sim.Sha256 | Add-SendenseVM -Hub $freshHub -WarningAction SilentlyContinue
        Disconnect-SendenseHub -Hub $freshHub
        $where = "vcenter_host = '$($Sim.Server)' AND vmware_vm_id <> '$((VMOf $Destroyed).BiosUuid)'"
        $expected = Rows $Fresh $where
        $expected.Count | Should -BeGreaterThan $Initial.Count
        # Joined, so that any difference in any row or column fails (and shows where).
        (Rows $Db $where) -join "`n" | Should -Be ($expected -join "`n")
        @(Sql "SELECT vm_name FROM vm_replication_contexts WHERE vcenter_host = '$($Sim.Server)' AND vmware_vm_id = '$((VMOf $Renamed).BiosUuid)'")[0] | Should -Be "$Renamed-renamed"
        $disks = "$(@(Sql "SELECT COUNT(*) FROM vm_disks d JOIN vm_replication_contexts c ON c.context_id = d.vm_context_id WHERE c.vcenter_host = '$($Sim.Server)' AND c.vmware_vm_id = '$((VMOf $Grown).BiosUuid)'")[0])"
        [int]$disks.Trim() | Should -Be (@((VMOf $Grown).Disks).Count + 1)
    }

    It 'writes nothing under -WhatIf' {
        $null = Set-RigVMSize $Sim -Name $Off -NumCpu 3 -MemoryMB 3072
        $before = Snapshot

        $null = Update-SendenseVM -WhatIf -RemoveMissing -SkipCertificateCheck -WarningAction SilentlyContinue

        Snapshot | Should -Be $before
    }

    It 'removes the Missing VM with -RemoveMissing, refuses a busy one as Remove-SendenseVM does, and refreshes the rest' {
        # A second VM deleted in vCenter while the hub replicates it: busy, so it stays (Missing) with a VMBusy error.
        $script:Busy = @($Initial.Name | Sort-Object)[6]
        $null = Remove-RigVM $Sim -Name $Busy
        $null = Sql "UPDATE vm_replication_contexts SET current_status = 'replicating' WHERE vcenter_host = '$($Sim.Server)' AND vmware_vm_id = '$((VMOf $Busy).BiosUuid)'"

        $out = @(Update-SendenseVM -VCenter $Sim.Server -RemoveMissing -Confirm:$false -Thumbprint $Sim.Sha256 -ErrorVariable refused -ErrorAction SilentlyContinue)

        ($out | Where-Object BiosUuid -eq (VMOf $Destroyed).BiosUuid).Result | Should -Be 'Removed'
        ($out | Where-Object BiosUuid -eq (VMOf $Busy).BiosUuid).Result | Should -Be 'Missing'
        ($out | Where-Object BiosUuid -eq (VMOf $Off).BiosUuid).Result | Should -Be 'Refreshed'
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'VMBusy,*'
        @(Sql "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = '$($Sim.Server)' AND vmware_vm_id = '$((VMOf $Destroyed).BiosUuid)'")[0] | Should -Be 0
        @(Sql "SELECT current_status FROM vm_replication_contexts WHERE vcenter_host = '$($Sim.Server)' AND vmware_vm_id = '$((VMOf $Busy).BiosUuid)'")[0] | Should -Be 'replicating'
    }

    It 'reports everything Unchanged on a second run (the busy VM still Missing)' {
        $out = @(Update-SendenseVM -SkipCertificateCheck -WarningAction SilentlyContinue)

        $out.Count | Should -Be ($Initial.Count - 1 + $OtherCount)
        ($out | Where-Object BiosUuid -eq (VMOf $Busy).BiosUuid).Result | Should -Be 'Missing'
        @($out | Where-Object BiosUuid -ne (VMOf $Busy).BiosUuid).Result | Sort-Object -Unique | Should -Be 'Unchanged'
    }

    It 'Add-SendenseVM discovers PowerCLI objects of two vCenters at once, each with the hub''s credential for it' {
        $fromOther = @(Invoke-SendenseVMDiscovery -VCenterCredential sdtest-refresh-other -Thumbprint $Other.Sha256 | Select-Object -First 2)
        $picked = @($Initial | Where-Object { $_.Name -notin $Destroyed, $Busy } | Select-Object -First 2) + $fromOther
        $powercli = foreach ($vm in $picked) {
            $server = if ($fromOther -contains $vm) { $Other.Server } else { $Sim.Server }
            [pscustomobject]@{ Name = $vm.Name; Id = "VirtualMachine-$($vm.MoRef)"; Uid = "/VIServer=administrator@vsphere.local@$server/VirtualMachine=VirtualMachine-$($vm.MoRef)/" }
        }

        $out = @($powercli | Add-SendenseVM -SkipCertificateCheck -WarningAction SilentlyContinue)

        $out.Count | Should -Be 4
        $out.Result | Sort-Object -Unique | Should -Be 'Unchanged'
        ($out.BiosUuid | Sort-Object) | Should -Be ($picked.BiosUuid | Sort-Object)
    }

    It 'retries a vCenter that answers 503 to its first two requests and says so in -Verbose' {
        $null = Set-RigSimulatorFault $Sim -Count 2 -Status 503

        $all = @(Update-SendenseVM -VCenter $Sim.Server -Thumbprint $Sim.Sha256 -Verbose 4>&1)

        @($all | Where-Object { $_ -is [Sendense.VM] }).Count | Should -Be ($Initial.Count - 1)
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'HTTP 503.*attempt [23] of' }).Count | Should -Be 2
    }

    It 'gives one error record for an unreachable vCenter and leaves its VMs as they are, never Missing' {
        Stop-RigSimulator $Other
        $before = Snapshot

        $out = @(Update-SendenseVM -SkipCertificateCheck -WarningAction SilentlyContinue -ErrorVariable failed -ErrorAction SilentlyContinue)

        $failed.Count | Should -Be 1
        "$($failed[0].TargetObject)" | Should -Be $Other.Server
        $failed[0].Exception.Message | Should -Match ([regex]::Escape($Other.Server))
        @($out | Where-Object VCenter -eq $Other.Server).Count | Should -Be 0
        @($out | Where-Object { $_.Result -ne 'Unchanged' -and $_.BiosUuid -ne (VMOf $Busy).BiosUuid }).Count | Should -Be 0
        Snapshot | Should -Be $before
    }
}

Describe 'Update-SendenseVM racing two adders' -Tag Refresh {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'VMTestHelpers.ps1')
        $script:Race = Start-RigSimulator -VM 200 -Tls
        $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ('sdtest-race-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $Work | Out-Null
    }
    AfterAll {
        if ($script:Race) { Stop-RigSimulator $script:Race }
        if ($script:Work) { Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue }
    }

    It 'two pwsh adders of overlapping sets and one updater: no duplicate, no lost update, no deadlock or lock-wait error' {
        # 100 VMs already managed and then resized in vCenter: the updater and both adders all write them at once.
        $all = @(Invoke-SendenseVMDiscovery -VCenter $Race.Server -Credential $Race.Credential -Thumbprint $Race.Sha256 | Sort-Object Name)
        $null = $all[100..199] | Add-SendenseVM -WarningAction SilentlyContinue
        foreach ($vm in $all[100..199]) { $null = Set-RigVMSize $Race -Name $vm.Name -NumCpu 7 -MemoryMB 7168 }
        $env = @{ SDTEST_HUB = $Db.ConnectionString; SDTEST_VC_USER = $Race.UserName; SDTEST_VC_PASSWORD = $Race.Password }
        $child = Join-Path $PSScriptRoot 'children/Race-Refresh.ps1'
        $go = Join-Path $Work 'go'
        $runs = @(
            @{ Name = 'a'; Args = @('-Mode', 'Add', '-First', '0', '-Last', '279') }
            @{ Name = 'b'; Args = @('-Mode', 'Add', '-First', '120', '-Last', '399', '-Descending') }
            @{ Name = 'u'; Args = @('-Mode', 'Update') })
        $processes = foreach ($run in $runs) {
            Start-TestPwsh -File $child -Environment $env -Arguments (@('-ResultFile', (Join-Path $Work "$($run.Name).json"), '-VCenter', $Race.Server,
                    '-Thumbprint', $Race.Sha256, '-ReadyFile', (Join-Path $Work "$($run.Name).ready"), '-GoFile', $go) + $run.Args)
        }
        try {
            Wait-TestFile -Path ($runs | ForEach-Object { Join-Path $Work "$($_.Name).ready" }) -TimeoutSeconds 120
            New-Item -ItemType File -Path $go | Out-Null
            foreach ($process in $processes) { $process.WaitForExit(180000) | Should -BeTrue }
        }
        finally {
            foreach ($process in $processes) { if (-not $process.HasExited) { $process.Kill() } }
        }

        foreach ($run in $runs) {
            $result = Get-Content (Join-Path $Work "$($run.Name).json") -Raw | ConvertFrom-Json
            $result.Errors | Should -BeNullOrEmpty -Because "$($run.Name): $($result.Messages -join '; ')"
        }
        $vc = "vcenter_host = '$($Race.Server)'"
        @(Sql "SELECT COUNT(*) FROM vm_replication_contexts WHERE $vc")[0] | Should -Be 400
        @(Sql "SELECT COUNT(DISTINCT vmware_vm_id) FROM vm_replication_contexts WHERE $vc")[0] | Should -Be 400
        @(Sql "SELECT COUNT(*) FROM (SELECT vm_context_id, disk_id FROM vm_disks GROUP BY vm_context_id, disk_id HAVING COUNT(*) > 1) d")[0] | Should -Be 0
        # No lost update: every resized VM has its new size, whoever wrote it last.
        @(Sql "SELECT COUNT(*) FROM vm_replication_contexts WHERE $vc AND cpu_count = 7 AND memory_mb = 7168")[0] | Should -Be 100
    }
}
