BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'VMTestHelpers.ps1')
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $script:Hub = Connect-SendenseHub -ConnectionString $script:Db.ConnectionString
    $script:Child = Join-Path $PSScriptRoot 'children/Add-TestVMs.ps1'
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ('sdtest-vm-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $script:Work | Out-Null
}

AfterAll {
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
    if ($script:Work) { Remove-Item $script:Work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Add-SendenseVM' -Tag VM {
    It 'adds discovered VMs as the hub writes them and outputs one Sendense.VM per input' {
        $vms = 'add-web01', 'add-web02', 'add-db01' | ForEach-Object { New-TestDiscoveredVM -Name $_ -VCenter 'add.vc' -GuestOS 'CentOS 7 (64-bit)' }

        $out = $vms | Add-SendenseVM

        $out | Should -HaveCount 3
        $out | ForEach-Object { $_ | Should -BeOfType ([Sendense.VM]) }
        $out.Result | Should -Be @('Added', 'Added', 'Added')
        $out[0].ContextId | Should -Match '^ctx-add-web01-\d{8}-\d{6}$'
        $row = Get-TestSqlValue $Db "SELECT CONCAT_WS('|', current_status, auto_added, scheduler_enabled, os_type, vm_tools_version, total_jobs_run, ossea_config_id, IFNULL(credential_id, 'NULL'), vm_path) FROM vm_replication_contexts WHERE vm_name = 'add-web01'"
        $row | Should -Be 'discovered|1|1|linux|vmx-19|0|0|NULL|/DC0/vm/add-web01'
        Get-TestSqlValue $Db "SELECT GROUP_CONCAT(CONCAT_WS(':', disk_id, IFNULL(job_id, 'NULL'), unit_number, provisioning_type, sync_status) ORDER BY disk_id) FROM vm_disks d JOIN vm_replication_contexts c ON c.context_id = d.vm_context_id WHERE c.vm_name = 'add-web01'" |
            Should -Be 'disk-2000:NULL:0:thin:pending,disk-2001:NULL:1:thick:pending'
    }

    It 'running again adds nothing: every VM comes back Unchanged with the same context' {
        $vms = 'add-web01', 'add-web02', 'add-db01' | ForEach-Object { New-TestDiscoveredVM -Name $_ -VCenter 'add.vc' -GuestOS 'CentOS 7 (64-bit)' }
        $before = Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'add.vc'"

        $out = $vms | Add-SendenseVM

        $out.Result | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'add.vc'" | Should -Be $before
    }

    It 'refreshes a managed VM whose vCenter values changed' {
        $vm = New-TestDiscoveredVM -Name 'add-web01' -VCenter 'add.vc' -GuestOS 'CentOS 7 (64-bit)' -PowerState 'poweredOff'
        $out = $vm | Add-SendenseVM
        $out.Result | Should -Be 'Refreshed'
        $out.PowerState | Should -Be 'poweredOff'
        Get-TestSqlValue $Db "SELECT power_state FROM vm_replication_contexts WHERE vm_name = 'add-web01'" | Should -Be 'poweredOff'
    }

    It '-WhatIf shows what would be added and writes nothing' {
        # What-if lines go to the host, so the command runs in a fresh pwsh whose console output is captured.
        $env:SDTEST_HUB = $Db.ConnectionString
        try {
            $result = Invoke-InFreshPwsh -Script @"
Import-Module '$ModulePath'
. '$(Join-Path $PSScriptRoot 'VMTestHelpers.ps1')'
Connect-SendenseHub -ConnectionString `$env:SDTEST_HUB | Out-Null
`$out = 'whatif-1', 'whatif-2' | ForEach-Object { New-TestDiscoveredVM -Name `$_ -VCenter 'whatif.vc' } | Add-SendenseVM -WhatIf
"objects: `$(@(`$out).Count)"
"@
        }
        finally { Remove-Item Env:SDTEST_HUB }
        $text = $result.Output -join "`n"
        $text | Should -Match 'What if: .*"Add as ctx-whatif-1-\d{8}-\d{6} with 2 disk\(s\)" on target "whatif-1 \(whatif\.vc\)"'
        $text | Should -Match 'objects: 0'
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'whatif.vc'" | Should -Be 0
    }

    It 'takes names with quotes, % and _, unicode and 255 characters; 256 is a per-VM error and the rest lands' {
        $long255 = 'n' * 200 + ([string][char]::ConvertFromUtf32(0x1F600)) * 55
        $names = "O'Brien `"db`"", '50%_off', 'Ünïcødé-服务器', $long255
        $tooLong = New-TestDiscoveredVM -Name ('z' * 256) -VCenter 'names.vc'
        $vms = @($names | ForEach-Object { New-TestDiscoveredVM -Name $_ -VCenter 'names.vc' }) + $tooLong

        $out = $vms | Add-SendenseVM -ErrorVariable failures -ErrorAction SilentlyContinue

        $out.Name | Should -Be $names
        $out | ForEach-Object { [System.Globalization.StringInfo]::new($_.ContextId).LengthInTextElements | Should -BeLessOrEqual 64 }
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'VMValueTooLong,Sendense.PowerShell.Commands.AddSendenseVMCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failures[0].TargetObject | Should -Be $tooLong
        "$($failures[0])" | Should -Match '256 characters long; the hub stores at most 255'
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'names.vc'" | Should -Be 4
    }

    It 'reports schema clashes per VM with the input as TargetObject and writes the rest' {
        $taken = New-TestDiscoveredVM -Name 'clash-a' -VCenter 'clash.vc'
        $taken | Add-SendenseVM | Out-Null
        $sameName = New-TestDiscoveredVM -Name 'clash-a' -VCenter 'clash.vc' -BiosUuid '11111111-2222-3333-4444-555555555555'
        $clone1 = New-TestDiscoveredVM -Name 'clash-b' -VCenter 'clash.vc' -BiosUuid '99999999-2222-3333-4444-555555555555'
        $clone2 = New-TestDiscoveredVM -Name 'clash-c' -VCenter 'clash.vc' -BiosUuid '99999999-2222-3333-4444-555555555555'

        $out = $sameName, $clone1, $clone2 | Add-SendenseVM -ErrorVariable failures -ErrorAction SilentlyContinue

        $out.Name | Should -Be 'clash-b'
        $failures.FullyQualifiedErrorId | Should -Be @(
            'VMNameConflict,Sendense.PowerShell.Commands.AddSendenseVMCommand'
            'VMDuplicateBiosUuid,Sendense.PowerShell.Commands.AddSendenseVMCommand')
        $failures[0].TargetObject | Should -Be $sameName
        $failures[1].TargetObject | Should -Be $clone2
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
    }

    It 'refuses templates per VM' {
        $template = New-TestDiscoveredVM -Name 'tmpl-1' -VCenter 'tmpl.vc'
        $template.IsTemplate = $true
        { $template | Add-SendenseVM -ErrorAction Stop } | Should -Throw -ErrorId 'VMIsTemplate,Sendense.PowerShell.Commands.AddSendenseVMCommand'
    }

    It 'a hand-made hashtable without a vCenter is one clear error, with no warning about a blank vCenter' {
        $errors = $null
        $out = @{ Name = 'ht-vm'; BiosUuid = '4201aaaa-0000-0000-0000-000000000001' } |
            Add-SendenseVM -ErrorAction SilentlyContinue -ErrorVariable errors -WarningVariable warnings -WarningAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $errors | Should -HaveCount 1
        $errors[0].Exception.Message | Should -Match "VM 'ht-vm' has no vCenter"
        @($warnings) | Should -HaveCount 0
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vm_name = 'ht-vm'" | Should -Be 0
    }

    It 'without a hub connection stops with HubNotConnected' {
        $result = Invoke-InFreshPwsh -Script @"
Import-Module '$ModulePath'
try { [Sendense.DiscoveredVM]::new() | Add-SendenseVM -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }
"@
        $result.Output | Select-Object -Last 1 | Should -Be 'HubNotConnected,Sendense.PowerShell.Commands.AddSendenseVMCommand'
    }

    It 'two pwsh processes adding overlapping sets at the same time end with no duplicates and no failures' {
        $names = 0..399 | ForEach-Object { 'race{0:000}' -f $_ }
        $ready = 'a', 'b' | ForEach-Object { Join-Path $Work "ready-$_" }
        $go = Join-Path $Work 'go'
        $results = 'a', 'b' | ForEach-Object { Join-Path $Work "race-$_.json" }
        $sets = @(($names[0..279]), ($names[120..399] | Sort-Object -Descending))
        $processes = for ($i = 0; $i -lt 2; $i++) {
            Start-TestPwsh -File $Child -Environment @{ SDTEST_HUB = $Db.ConnectionString } -Arguments @(
                '-ResultFile', $results[$i], '-VCenter', 'race.vc', '-ReadyFile', $ready[$i], '-GoFile', $go, '-BatchSize', '40', '-Name', ($sets[$i] -join ','))
        }
        try {
            Wait-TestFile -Path $ready -TimeoutSeconds 120
            New-Item -ItemType File -Path $go | Out-Null
            foreach ($process in $processes) { $process.WaitForExit(120000) | Should -BeTrue }
        }
        finally {
            foreach ($process in $processes) { if (-not $process.HasExited) { $process.Kill() } }
        }

        foreach ($i in 0, 1) {
            $processes[$i].ExitCode | Should -Be 0 -Because $processes[$i].StdErr.Result
            $result = Get-Content $results[$i] -Raw | ConvertFrom-Json
            $result.Errors | Should -BeNullOrEmpty -Because ($result.Messages -join '; ')
            ($result.Added + $result.Unchanged + $result.Refreshed) | Should -Be 280
        }
        $a = Get-Content $results[0] -Raw | ConvertFrom-Json
        $b = Get-Content $results[1] -Raw | ConvertFrom-Json
        ($a.Added + $b.Added) | Should -Be 400
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'race.vc'" | Should -Be 400
        Get-TestSqlValue $Db "SELECT COUNT(DISTINCT vm_name) FROM vm_replication_contexts WHERE vcenter_host = 'race.vc'" | Should -Be 400
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_disks d JOIN vm_replication_contexts c ON c.context_id = d.vm_context_id WHERE c.vcenter_host = 'race.vc'" | Should -Be 800
    }

    It 'a row lock held by another session: each wait said in -Verbose, the bound ends it with HubLockWaitExceeded, nothing written (D5)' {
        # One other session holds the anchor's row for a minute, as a forgotten open transaction would.
        $held = Start-TestRowLock -HubDatabase $Db -Name 'lock-anchor' -VCenter 'lock.vc'
        $locker = $held.Process
        $anchor = $held.ContextId
        $resultFile = Join-Path $Work 'lock.json'
        try {
            Start-Sleep -Milliseconds 500
            $names = @('lock-anchor') + (0..9 | ForEach-Object { "lock-$_" })
            $watch = [Diagnostics.Stopwatch]::StartNew()
            # The bound lowered to 25 s for the test (120 s by default): one wait of at most 10 s per lock, a retry said
            # in -Verbose, a second wait, and the bound passed.
            $adder = Start-TestPwsh -File $Child -Environment @{ SDTEST_HUB = $Db.ConnectionString; SENDENSE_HUB_LOCK_WAIT_SECONDS = '25' } -Arguments @(
                '-ResultFile', $resultFile, '-VCenter', 'lock.vc', '-Name', ($names -join ','), '-Suspended', 'lock-anchor', '-WithVerbose')
            $adder.WaitForExit(90000) | Should -BeTrue
            $watch.Stop()
        }
        finally {
            if (-not $locker.HasExited) { $locker.Kill() }
        }

        $result = Get-Content $resultFile -Raw | ConvertFrom-Json
        $result.Errors | Should -Contain 'HubLockWaitExceeded,Sendense.PowerShell.Commands.AddSendenseVMCommand'
        ($result.Messages -join ' ') | Should -Match 'Another session held a lock'
        @($result.Verbose | Where-Object { $_ -match 'row lock another session holds' }).Count | Should -BeGreaterThan 0 -Because ($result.Verbose -join [Environment]::NewLine)
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 60 -Because 'the bound ends the wait, not the other session'
        # Nothing of the batch was written: only the anchor is managed on lock.vc, and it is still powered on.
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'lock.vc'" | Should -Be 1
        Get-TestSqlValue $Db "SELECT power_state FROM vm_replication_contexts WHERE context_id = '$anchor'" | Should -Be 'poweredOn'
    }

    It 'a connection killed mid-batch leaves nothing of that batch, and the batch is planned again and written once' {
        # Another client holds the anchor's row: the batch's refresh of it waits after the batch inserted its new VMs.
        $held = Start-TestRowLock -HubDatabase $Db -Name 'kill-anchor' -VCenter 'kill.vc'
        $locker = $held.Process
        $anchor = $held.ContextId
        $resultFile = Join-Path $Work 'kill.json'
        $adder = $null
        try {
            Start-Sleep -Milliseconds 500
            $names = @('kill-anchor') + (0..49 | ForEach-Object { "kill-$_" })
            $adder = Start-TestPwsh -File $Child -Environment @{ SDTEST_HUB = $Db.ConnectionString } -Arguments @(
                '-ResultFile', $resultFile, '-VCenter', 'kill.vc', '-Name', ($names -join ','), '-Suspended', 'kill-anchor')
            # Wait until the batch has written its 50 new VMs (a dirty read sees them) and waits in its refresh.
            $thread = $null
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not $thread -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
                $dirty = Get-TestSqlValue $Db "SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED; SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'kill.vc'"
                if ([int]$dirty -ge 51) {
                    $thread = Get-TestSqlValue $Db "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND info LIKE 'UPDATE vm_replication_contexts c JOIN sd_vm_refresh%'"
                }
            }
            $thread | Should -Not -BeNullOrEmpty -Because 'the batch had written its new VMs and was waiting in its refresh'
            # vm_disks ids come from AUTO_INCREMENT, which a rollback does not give back: the killed attempt's disk rows
            # (seen by a dirty read) can be told apart from whatever lands later, however fast the retry comes.
            $killedDisks = "SELECT COUNT(*) FROM vm_disks d JOIN vm_replication_contexts c ON c.context_id = d.vm_context_id WHERE c.vcenter_host = 'kill.vc' AND c.context_id <> '$anchor'"
            $lastKilledDisk = Get-TestSqlValue $Db ("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED; " + ($killedDisks -replace 'COUNT\(\*\)', 'MAX(d.id)'))
            $lastKilledDisk | Should -Not -BeNullOrEmpty -Because 'the killed attempt had written the disks of its new VMs'
            Invoke-RigSql -ConnectionString $env:SENDENSE_TEST_MYSQL -Sql "KILL CONNECTION $thread" | Out-Null
            # The adder plans the batch again and writes it on a new connection, which waits on the same lock: the hub
            # then holds the retry's uncommitted rows and nothing of the killed attempt's.
            $retry = $null
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not $retry -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
                $retry = Get-TestSqlValue $Db "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND id <> $thread AND info LIKE 'UPDATE vm_replication_contexts c JOIN sd_vm_refresh%'"
            }
            $retry | Should -Not -BeNullOrEmpty -Because 'the batch was planned again and waits in its refresh on a new connection'
            Get-TestSqlValue $Db "SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED; SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'kill.vc'" | Should -Be 51
            Get-TestSqlValue $Db "SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED; $killedDisks AND d.id <= $lastKilledDisk" | Should -Be 0 -Because 'nothing of the killed batch is left, not even uncommitted rows'
            Get-TestSqlValue $Db "SELECT power_state FROM vm_replication_contexts WHERE context_id = '$anchor'" | Should -Be 'poweredOn'
            # The other client lets go: the re-planned batch (issue 12: a connection lost before COMMIT is retried) lands.
            $locker.Kill()
            $adder.WaitForExit(60000) | Should -BeTrue
        }
        finally {
            if (-not $locker.HasExited) { $locker.Kill() }
            if ($adder -and -not $adder.HasExited) { $adder.Kill() }
        }

        $result = Get-Content $resultFile -Raw | ConvertFrom-Json
        $result.Errors | Should -BeNullOrEmpty -Because ($result.Messages -join '; ')
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'kill.vc'" | Should -Be 51
        Get-TestSqlValue $Db "SELECT COUNT(DISTINCT vm_name) FROM vm_replication_contexts WHERE vcenter_host = 'kill.vc'" | Should -Be 51
        Get-TestSqlValue $Db "SELECT power_state FROM vm_replication_contexts WHERE context_id = '$anchor'" | Should -Be 'suspended'
        Get-TestSqlValue $Db "$killedDisks AND d.id <= $lastKilledDisk" | Should -Be 0 -Because 'what landed was written by the retry'
        Get-TestSqlValue $Db $killedDisks | Should -Be 100 -Because "each of the 50 new VMs has its two disks"
    }

    It 'stopped with Ctrl+C mid-run, says how many VMs had been written, which is exactly what the hub holds' {
        # setsid: the child leads its own process group, so SIGINT reaches pwsh as a terminal's Ctrl+C would. env
        # --default-signal: a test run started in the background (`cmd &`) ignores SIGINT, every child inherits that,
        # and .NET keeps an inherited SIG_IGN, so without it the child would never see the Ctrl+C.
        $start = [System.Diagnostics.ProcessStartInfo]::new('setsid')
        foreach ($argument in 'env', '--default-signal=INT', 'dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'children/Stop-DuringAdd.ps1')) { $start.ArgumentList.Add($argument) }
        $start.WorkingDirectory = $RepoRoot
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.Environment['SDTEST_HUB'] = $Db.ConnectionString
        $child = [System.Diagnostics.Process]::Start($start)
        $stdout = $child.StandardOutput.ReadToEndAsync()
        $stderr = $child.StandardError.ReadToEndAsync()
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            do {
                Start-Sleep -Milliseconds 100
                $landed = [int](Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'stop.vc'")
            } while ($landed -lt 300 -and -not $child.HasExited -and [DateTime]::UtcNow -lt $deadline)
            $child.HasExited | Should -BeFalse -Because 'the add must still be running when it is stopped'
            & kill -INT -- "-$($child.Id)"
            $child.WaitForExit(60000) | Should -BeTrue
        }
        finally { if (-not $child.HasExited) { $child.Kill($true) } }

        $lines = @($stdout.Result -split "`r?`n")
        $lines | Should -Not -Contain 'DONE'
        $said = $lines | Where-Object { $_ -match 'Add-SendenseVM was stopped\. ([\d,]+) VMs? had been written' } | Select-Object -First 1
        $said | Should -Not -BeNullOrEmpty -Because ($stdout.Result + $stderr.Result)
        $written = [int](($said -replace '^.*was stopped\. ([\d,]+) VMs? had been.*$', '$1') -replace ',', '')
        $output = @($lines | Where-Object { $_ -like 'ADDED *' }).Count

        [int](Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'stop.vc'") | Should -Be $written
        $written | Should -BeLessThan 10000
        $output | Should -BeLessOrEqual $written
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts c LEFT JOIN vm_disks d ON d.vm_context_id = c.context_id WHERE c.vcenter_host = 'stop.vc' AND d.id IS NULL" |
            Should -Be 0 -Because 'every VM that landed has its disk: batches land whole'
    }
}

Describe 'Get-SendenseVM and Get-SendenseUngroupedVM' -Tag VM {
    BeforeAll {
        $vms = @(
            New-TestDiscoveredVM -Name 'q-web-01' -VCenter 'q1.vc'
            New-TestDiscoveredVM -Name 'q-web-02' -VCenter 'q1.vc' -PowerState poweredOff
            New-TestDiscoveredVM -Name 'q-db-01' -VCenter 'q1.vc' -Datacenter 'DC-East'
            New-TestDiscoveredVM -Name 'q-app_1' -VCenter 'q2.vc' -GuestOS 'Microsoft Windows Server 2022 (64-bit)'
        )
        $script:Managed = $vms | Add-SendenseVM
        $dbContext = ($script:Managed | Where-Object Name -EQ 'q-db-01').ContextId
        $webContext = ($script:Managed | Where-Object Name -EQ 'q-web-01').ContextId
        Invoke-RigSql -ConnectionString $env:SENDENSE_TEST_MYSQL -Database $Db.Name -Sql (
            "INSERT INTO vm_machine_groups (name) VALUES ('q-Nightly'), ('q-Gold'); " +
            "INSERT INTO vm_group_memberships (group_id, vm_context_id) SELECT id, '$dbContext' FROM vm_machine_groups WHERE name LIKE 'q-%'; " +
            "INSERT INTO vm_group_memberships (group_id, vm_context_id) SELECT id, '$webContext' FROM vm_machine_groups WHERE name = 'q-Nightly';") | Out-Null
    }

    It 'lists by name with wildcards, ordered, with every group the VM is in' {
        $vms = Get-SendenseVM -Name 'q-*'
        $vms.Name | Should -Be @('q-app_1', 'q-db-01', 'q-web-01', 'q-web-02')
        ($vms | Where-Object Name -EQ 'q-db-01').Groups | Should -Be @('q-Gold', 'q-Nightly')
        ($vms | Where-Object Name -EQ 'q-db-01').IsGrouped | Should -BeTrue
        (Get-SendenseVM 'q-app_?').Name | Should -Be 'q-app_1'
        (Get-SendenseVM 'q-app%1' -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }

    It 'filters by vCenter, datacenter, power state, status, group and context id' {
        (Get-SendenseVM -VCenter 'q2*').Name | Should -Be 'q-app_1'
        (Get-SendenseVM -Datacenter 'DC-East').Name | Should -Be 'q-db-01'
        (Get-SendenseVM -Name 'q-*' -PowerState poweredOff).Name | Should -Be 'q-web-02'
        (Get-SendenseVM -Name 'q-*' -Status discovered) | Should -HaveCount 4
        (Get-SendenseVM -ProtectionGroup 'q-Night*').Name | Should -Be @('q-db-01', 'q-web-01')
        (Get-SendenseVM -ContextId $Managed[0].ContextId).Name | Should -Be $Managed[0].Name
        ($Managed[1] | Get-SendenseVM).Name | Should -Be $Managed[1].Name
    }

    It 'says so when a literal name is not managed' {
        { Get-SendenseVM -Name 'q-nope' -ErrorAction Stop } | Should -Throw -ErrorId 'VMNotFound,Sendense.PowerShell.Commands.GetSendenseVMCommand'
        Get-SendenseVM -Name 'q-nope*' -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'lists the VMs in no group' {
        (Get-SendenseUngroupedVM -Name 'q-*').Name | Should -Be @('q-app_1', 'q-web-02')
        (Get-SendenseUngroupedVM -Name 'q-*' -VCenter 'q1.vc').Name | Should -Be 'q-web-02'
    }

    It 'shows a table that fits 120 columns with readable groups, and a list with everything' {
        $table = Get-SendenseVM -Name 'q-*' | Format-Table | Out-String -Width 120
        $table -split "`r?`n" | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $table | Should -Match 'q-db-01\s+q1\.vc\s+DC-East\s+discovered\s+poweredOn\s+linux\s+q-Gold, q-Nightly'
        $list = Get-SendenseVM -Name 'q-db-01' | Format-List | Out-String -Width 120
        foreach ($label in 'ContextId', 'BiosUuid', 'Path', 'CredentialId', 'CreatedAt', 'UpdatedAt') { $list | Should -Match "$label\s+:" }
        $list | Should -Match 'Groups\s+: q-Gold, q-Nightly'
        $added = New-TestDiscoveredVM -Name 'q-web-01' -VCenter 'q1.vc' | Add-SendenseVM | Format-Table | Out-String -Width 120
        $added | Should -Match 'Unchanged\s+q-web-01\s+q1\.vc\s+ctx-q-web-01-\d{8}-\d{6}\s+q-Nightly'
    }

    It 'completes VM names, datacenters and vCenters from the hub' {
        (TabExpansion2 -inputScript 'Get-SendenseVM -Name q-we').CompletionMatches.CompletionText | Should -Be @('q-web-01', 'q-web-02')
        (TabExpansion2 -inputScript 'Get-SendenseUngroupedVM -Datacenter DC-').CompletionMatches.CompletionText | Should -Contain 'DC-East'
        (TabExpansion2 -inputScript 'Remove-SendenseVM -Name q-ap').CompletionMatches.CompletionText | Should -Be 'q-app_1'
        (TabExpansion2 -inputScript 'Get-SendenseVM -VCenter q').CompletionMatches.CompletionText | Should -Be @('q1.vc', 'q2.vc')
    }
}

Describe 'Remove-SendenseVM' -Tag VM {
    BeforeAll {
        $script:Removable = 'rm-1', 'rm-2', 'rm-3', 'rm-busy' | ForEach-Object { New-TestDiscoveredVM -Name $_ -VCenter 'rm.vc' } | Add-SendenseVM
        $busy = ($script:Removable | Where-Object Name -EQ 'rm-busy').ContextId
        Invoke-RigSql -ConnectionString $env:SENDENSE_TEST_MYSQL -Database $Db.Name -Sql (
            "INSERT INTO replication_jobs (id, vm_context_id, source_vm_id, source_vm_name, source_vm_path, v_center_host, datacenter, replication_type, status) " +
            "VALUES ('rm-job', '$busy', 'x', 'x', 'x', 'x', 'x', 'full', 'replicating'); " +
            "INSERT INTO vm_machine_groups (name) VALUES ('rm-group'); " +
            "INSERT INTO vm_group_memberships (group_id, vm_context_id) SELECT g.id, c.context_id FROM vm_machine_groups g, vm_replication_contexts c WHERE g.name = 'rm-group' AND c.vm_name = 'rm-1';") | Out-Null
    }

    It 'is a high-impact change' {
        $attribute = (Get-Command Remove-SendenseVM).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $attribute.SupportsShouldProcess | Should -BeTrue
    }

    It '-WhatIf removes nothing' {
        Get-SendenseVM -Name 'rm-1' | Remove-SendenseVM -WhatIf
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vm_name = 'rm-1'" | Should -Be 1
    }

    It 'removes piped VMs and lets the schema cascade their disks and memberships' {
        $ctx = (Get-SendenseVM -Name 'rm-1').ContextId
        Get-SendenseVM -Name 'rm-1' | Remove-SendenseVM -Confirm:$false
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE context_id = '$ctx'" | Should -Be 0
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_disks WHERE vm_context_id = '$ctx'" | Should -Be 0
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_group_memberships WHERE vm_context_id = '$ctx'" | Should -Be 0
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'rm-group'" | Should -Be 1
    }

    It 'removes by name on a vCenter and by context id' {
        Remove-SendenseVM -Name 'rm-2' -VCenter 'rm.vc' -Confirm:$false
        Remove-SendenseVM -ContextId ($Removable | Where-Object Name -EQ 'rm-3').ContextId -Confirm:$false
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vm_name IN ('rm-2', 'rm-3')" | Should -Be 0
    }

    It 'refuses a VM with a running job unless -Force' {
        { Remove-SendenseVM -Name 'rm-busy' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'VMBusy,Sendense.PowerShell.Commands.RemoveSendenseVMCommand' -ExpectedMessage '*replication job rm-job is replicating*'
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vm_name = 'rm-busy'" | Should -Be 1
        Remove-SendenseVM -Name 'rm-busy' -Force -Confirm:$false
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM vm_replication_contexts WHERE vm_name = 'rm-busy'" | Should -Be 0
        Get-TestSqlValue $Db "SELECT COUNT(*) FROM replication_jobs WHERE id = 'rm-job'" | Should -Be 0
    }

    It 'says so when nothing matches a literal name or id' {
        { Remove-SendenseVM -Name 'rm-nope' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'VMNotFound,Sendense.PowerShell.Commands.RemoveSendenseVMCommand'
        { Remove-SendenseVM -ContextId 'ctx-nope' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'VMNotFound,Sendense.PowerShell.Commands.RemoveSendenseVMCommand'
        Remove-SendenseVM -Name 'rm-nope*' -Confirm:$false -ErrorAction Stop
    }
}

Describe 'Initialize-SendenseDatabase' -Tag VM {
    It 'creates the hub tables in an empty database; -WhatIf creates none' {
        $empty = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Empty
        try {
            $hub = Connect-SendenseHub -ConnectionString $empty.ConnectionString -NotDefault
            $whatIf = Initialize-SendenseDatabase -Hub $hub -WhatIf
            $whatIf.MissingTables | Should -HaveCount 9
            Get-TestSqlValue $empty "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()" | Should -Be 0

            $report = Initialize-SendenseDatabase -Hub $hub -Confirm:$false
            $report.IsReady | Should -BeTrue
            $report.CreatedTables | Should -HaveCount 9
            ($report | Format-List | Out-String) | Should -Match 'IsReady\s+: True'
            Disconnect-SendenseHub -Hub $hub
        }
        finally {
            Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $empty.Name
        }
    }

    It 'on the upstream schema creates nothing and reports ready' {
        $report = Initialize-SendenseDatabase -Confirm:$false
        $report.IsReady | Should -BeTrue
        $report.CreatedTables | Should -BeNullOrEmpty
        $report.ExistingTables | Should -HaveCount 9
    }

    It 'reports what an older hub lacks as HubSchemaMismatch, without changing it' {
        $old = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Empty
        try {
            Invoke-RigSql -ConnectionString $env:SENDENSE_TEST_MYSQL -Database $old.Name -Sql "CREATE TABLE vm_disks (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, job_id varchar(191) NOT NULL) ENGINE=InnoDB" | Out-Null
            $hub = Connect-SendenseHub -ConnectionString $old.ConnectionString -NotDefault
            $report = Initialize-SendenseDatabase -Hub $hub -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue
            $report.IsReady | Should -BeFalse
            $problems[0].FullyQualifiedErrorId | Should -Be 'HubSchemaMismatch,Sendense.PowerShell.Commands.InitializeSendenseDatabaseCommand'
            "$($problems[0])" | Should -Match 'vm_disks.job_id does not allow NULL'
            Get-TestSqlValue $old "SELECT is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'vm_disks' AND column_name = 'job_id'" | Should -Be 'NO'
            Disconnect-SendenseHub -Hub $hub
        }
        finally {
            Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $old.Name
        }
    }
}

Describe 'Help for the VM management and hub cmdlets' -Tag VM {
    It 'has a help source with synopsis, description, two examples and every parameter for <_>' -ForEach @(
        'Connect-SendenseHub', 'Disconnect-SendenseHub', 'Initialize-SendenseDatabase', 'Add-SendenseVM', 'Get-SendenseVM', 'Get-SendenseUngroupedVM', 'Remove-SendenseVM') {
        Assert-CmdletHelp $_
    }
}
