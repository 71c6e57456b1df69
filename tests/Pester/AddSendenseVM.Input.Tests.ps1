# Add-SendenseVM with discovery output that travelled (Export-Clixml, JSON: D9) and with one vCenter reached under two
# names (D8), against the simulator and the real MariaDB.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $null = Connect-SendenseHub -ConnectionString $Db.ConnectionString
    $script:Sim = Start-RigSimulator -Datacenter 1 -Cluster 1 -ClusterHost 1 -StandaloneHost 1 -VM 4 -Tls
    $script:Live = @(Invoke-SendenseVMDiscovery -VCenter $Sim.Server -Credential $Sim.Credential -Thumbprint $Sim.Sha256)
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ('sdtest-input-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $Work | Out-Null

    # Everything the hub stores for a VM and its disks, so two adds can be compared column by column.
    function script:Get-Stored([string] $VCenter) {
        Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql (
            "SELECT CONCAT_WS('|', c.vm_name, c.vmware_vm_id, c.vm_path, c.vcenter_host, c.datacenter, c.cpu_count, c.memory_mb, c.os_type, c.power_state, " +
            "c.vm_tools_version, (SELECT GROUP_CONCAT(CONCAT_WS(':', d.disk_id, d.vm_dk_path, d.size_gb, d.datastore, d.unit_number, d.label, d.capacity_bytes, " +
            "d.provisioning_type) ORDER BY d.disk_id) FROM vm_disks d WHERE d.vm_context_id = c.context_id)) FROM vm_replication_contexts c " +
            "WHERE c.vcenter_host = '$VCenter' ORDER BY c.vm_name")
    }
    function script:Clear-Hub { Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql 'DELETE FROM vm_replication_contexts' | Out-Null }
}

AfterAll {
    if ($script:Sim) { Stop-RigSimulator $script:Sim }
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
    if ($script:Work) { Remove-Item $script:Work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Add-SendenseVM with discovery output from a file or another host' -Tag VM {
    BeforeAll {
        Clear-Hub
        $Live | Add-SendenseVM -WarningAction SilentlyContinue | Out-Null
        $script:Expected = Get-Stored $Sim.Server
        Clear-Hub
    }

    It 'takes Import-Clixml output written by another pwsh and stores exactly what the live objects store' {
        $file = Join-Path $Work 'discovered.xml'
        $env:SDTEST_VC_PASSWORD = $Sim.Password
        try {
            # Discovery runs in another process (the "discovery host"); only the file crosses over.
            $result = Invoke-InFreshPwsh -Script @"
Import-Module '$ModulePath'
`$credential = [pscredential]::new('$($Sim.UserName)', (ConvertTo-SecureString `$env:SDTEST_VC_PASSWORD -AsPlainText -Force))
Invoke-SendenseVMDiscovery -VCenter '$($Sim.Server)' -Credential `$credential -Thumbprint '$($Sim.Sha256)' | Export-Clixml -Path '$file'
"@
            $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        }
        finally { Remove-Item Env:SDTEST_VC_PASSWORD }

        $imported = Import-Clixml $file
        $imported[0].PSObject.TypeNames | Should -Contain 'Deserialized.Sendense.DiscoveredVM'
        $out = @($imported | Add-SendenseVM -WarningAction SilentlyContinue)

        $out.Count | Should -Be $Live.Count
        $out.Result | Sort-Object -Unique | Should -Be 'Added'
        Get-Stored $Sim.Server | Should -Be $Expected
        Clear-Hub
    }

    It 'takes ConvertFrom-Json output with the disks, and the same objects again are Unchanged' {
        $json = $Live | ConvertTo-Json -Depth 4
        ($json | ConvertFrom-Json) | Add-SendenseVM -WarningAction SilentlyContinue | Out-Null
        Get-Stored $Sim.Server | Should -Be $Expected

        $again = @(($json | ConvertFrom-Json) | Add-SendenseVM -WarningAction SilentlyContinue)
        $again.Result | Sort-Object -Unique | Should -Be 'Unchanged'
        Clear-Hub
    }

    It 'validates travelled objects like live ones: a changed value is a per-VM error and the rest lands' {
        $objects = @($Live | ConvertTo-Json -Depth 4 | ConvertFrom-Json)
        $objects[0].NumCpu = -1
        $out = @($objects | Add-SendenseVM -WarningAction SilentlyContinue -ErrorVariable problems -ErrorAction SilentlyContinue)

        $out.Count | Should -Be ($Live.Count - 1)
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'VMInvalid,*'
        Clear-Hub
    }

    It 'refuses JSON written too shallow to hold the disks, saying how to write it, and writes nothing for it' {
        $shallow = $Live | Select-Object -First 1 | ConvertTo-Json -Depth 1 -WarningAction SilentlyContinue | ConvertFrom-Json
        $out = @($shallow | Add-SendenseVM -ErrorVariable problems -ErrorAction SilentlyContinue)

        $out | Should -BeNullOrEmpty
        "$($problems[0])" | Should -Match 'arrived as text'
        "$($problems[0])" | Should -Match 'ConvertTo-Json -Depth 4'
        Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql 'SELECT COUNT(*) FROM vm_replication_contexts' | Should -Be 0
    }

    It 'still sends PowerCLI-shaped objects (no BiosUuid) to the identity parameter set' {
        $powercli = [pscustomobject]@{ Name = $Live[0].Name; Id = "VirtualMachine-$($Live[0].MoRef)" }
        { $powercli | Add-SendenseVM -ErrorAction Stop } | Should -Throw -ErrorId 'VCenterInvalidArgument,*' -ExpectedMessage '*discovers them in vCenter first*'
    }
}

Describe 'Add-SendenseVM with one vCenter reached under two names' -Tag VM {
    It 'matches the VMs discovered through localhost with the ones added through 127.0.0.1: no duplicate, one warning' {
        Clear-Hub
        $first = @($Live | Add-SendenseVM -WarningAction SilentlyContinue)
        $first.Result | Sort-Object -Unique | Should -Be 'Added'
        $otherName = $Sim.Server -replace '^127\.0\.0\.1', 'localhost'
        $otherName | Should -Not -Be $Sim.Server

        $again = @(Invoke-SendenseVMDiscovery -VCenter $otherName -Credential $Sim.Credential -Thumbprint $Sim.Sha256 |
            Add-SendenseVM -WarningVariable warnings -WarningAction SilentlyContinue)

        $again.Result | Sort-Object -Unique | Should -Be 'Unchanged'
        $again.VCenter | Sort-Object -Unique | Should -Be $Sim.Server
        Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql 'SELECT COUNT(*) FROM vm_replication_contexts' | Should -Be $Live.Count
        @($warnings | Where-Object { "$_" -like "*'$otherName' is the vCenter the hub already knows as '$($Sim.Server)'*" }).Count | Should -Be 1
    }
}
