# Tests of the test rig itself: the simulator's control channel through the PowerShell wrappers of TestRig.psm1, and
# the Lab task (build.ps1 -Task Lab) as a user runs it, in child processes.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    . (Join-Path $PSScriptRoot 'LabTestHelpers.ps1')

    function Invoke-Soap([string] $Url) {
        $envelope = '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
            '<RetrieveServiceContent xmlns="urn:vim25"><_this type="ServiceInstance">ServiceInstance</_this></RetrieveServiceContent></soapenv:Body></soapenv:Envelope>'
        Invoke-WebRequest -Uri $Url -Method Post -Body $envelope -ContentType 'text/xml' -SkipCertificateCheck -SkipHttpErrorCheck
    }

}

Describe 'Rig simulators driven from PowerShell' -Tag Rig {
    BeforeAll {
        $script:Odd = 'App & DB <1> 100%'
        # Two simulators started without waiting: both must be running (not yet ready) at once.
        $pending = @(Start-RigSimulator -Tls -Rename @{ 'DC0_H0_VM0' = $Odd } -NoWait) + @(Start-RigSimulator -Datacenter 2 -FailFirst 1 -FailStatus 502 -NoWait)
        $script:BothRanBeforeReady = @($pending | Where-Object { -not $_.Process.HasExited -and -not $_.Url }).Count -eq 2
        $script:A, $script:B = Wait-RigSimulator $pending
        $script:Discover = { Invoke-SendenseVMDiscovery -VCenter $A.Server -Credential $A.Credential -Thumbprint $A.Sha256 -IncludeTemplate }
    }

    AfterAll {
        foreach ($simulator in @($script:A, $script:B)) { if ($simulator) { Stop-RigSimulator $simulator } }
    }

    It 'starts simulators side by side (-NoWait, then Wait-RigSimulator), each on its own port' {
        $BothRanBeforeReady | Should -BeTrue
        $A.Url | Should -Match '^https://127\.0\.0\.1:\d+/sdk$'
        $B.Url | Should -Match '^http://127\.0\.0\.1:\d+/sdk$'
        $A.Server | Should -Not -Be $B.Server
        $A.Sha256 | Should -Match '^([0-9A-F]{2}:){31}[0-9A-F]{2}$'
        @(Get-RigVM $A).Count | Should -Be 4
        @(Get-RigVM $B).Count | Should -Be 8
    }

    It 'Get-RigVMInfo reports what Invoke-SendenseVMDiscovery reports, column by column' {
        $discovered = @(& $Discover)
        $discovered.Count | Should -Be 4
        foreach ($vm in $discovered) {
            $info = Get-RigVMInfo $A -Name $vm.Name
            $info.moref | Should -Be $vm.MoRef
            $info.biosUuid | Should -Be $vm.BiosUuid
            $info.instanceUuid | Should -Be $vm.InstanceUuid
            $info.powerState | Should -Be $vm.PowerState
            $info.numCpu | Should -Be $vm.NumCpu
            $info.memoryMB | Should -Be $vm.MemoryMB
            @($info.disks.key) | Should -Be @($vm.Disks.Key)
            @($info.disks.capacityBytes) | Should -Be @($vm.Disks.CapacityBytes)
        }
    }

    It 'Rename-RigVM, Set-RigVMSize and Set-RigVMPowerState change what the module discovers, in that simulator only' {
        $before = Get-RigVMInfo $A -Name $Odd
        (Rename-RigVM $A -Name $Odd -NewName 'web 01').name | Should -Be 'web 01'
        (Set-RigVMSize $A -Name 'web 01' -NumCpu 4 -MemoryMB 8192).numCpu | Should -Be 4
        (Set-RigVMPowerState $A -Name 'web 01' -State PoweredOff).changed | Should -BeTrue
        (Set-RigVMPowerState $A -Name 'web 01' -State PoweredOff).changed | Should -BeFalse

        $vm = @(& $Discover) | Where-Object MoRef -EQ $before.moref
        $vm.Name | Should -Be 'web 01'
        $vm.BiosUuid | Should -Be $before.biosUuid
        $vm.NumCpu | Should -Be 4
        $vm.MemoryMB | Should -Be 8192
        $vm.PowerState | Should -Be 'poweredOff'
        (Get-RigVM $B).name | Should -Not -Contain 'web 01'
        (Get-RigVMInfo $B -Name 'DC0_H0_VM0').numCpu | Should -Be 1

        Set-RigVMPowerState $A -Name 'web 01' -State Suspended | Out-Null
        (@(& $Discover) | Where-Object MoRef -EQ $before.moref).PowerState | Should -Be 'suspended'
    }

    It 'Add-RigVMDisk and Remove-RigVMDisk add and remove a disk the module discovers' {
        $disk = Add-RigVMDisk $A -Name 'DC0_C0_RP0_VM0' -SizeMB 3072
        $vm = @(& $Discover) | Where-Object Name -EQ 'DC0_C0_RP0_VM0'
        $vm.Disks.Count | Should -Be 2
        $new = $vm.Disks | Where-Object Key -EQ $disk.key
        $new.Label | Should -Be $disk.label
        $new.CapacityBytes | Should -Be (3072 * 1MB)
        $new.ProvisioningType | Should -Be 'thin'

        (Remove-RigVMDisk $A -Name 'DC0_C0_RP0_VM0' -Disk $disk.label).files | Should -Be 'deleted'
        (@(& $Discover) | Where-Object Name -EQ 'DC0_C0_RP0_VM0').Disks.Count | Should -Be 1
        $kept = Add-RigVMDisk $A -Name 'DC0_C0_RP0_VM0' -SizeMB 1
        (Remove-RigVMDisk $A -Name 'DC0_C0_RP0_VM0' -Disk $kept.key -KeepFiles).files | Should -Be 'kept'
    }

    It 'Remove-RigVM deletes a running VM: the module no longer discovers it' {
        $victim = Get-RigVMInfo $A -Name 'DC0_C0_RP0_VM1'
        (Remove-RigVM $A -Name 'DC0_C0_RP0_VM1').poweredOff | Should -BeTrue
        @(& $Discover).MoRef | Should -Not -Contain $victim.moref
        { Get-RigVMInfo $A -Name $victim.moref } | Should -Throw '*no VM named*'
    }

    It '-FailFirst and Set-RigSimulatorFault answer the next requests with the status and an empty body' {
        $first = Invoke-Soap $B.Url
        $first.StatusCode | Should -Be 502
        $first.RawContentLength | Should -Be 0
        (Invoke-Soap $B.Url).StatusCode | Should -Be 200

        (Set-RigSimulatorFault $B -Count 2 -Status 503).failLeft | Should -Be 2
        (Invoke-Soap $B.Url).StatusCode | Should -Be 503
        (Invoke-Soap $B.Url).StatusCode | Should -Be 503
        $served = Invoke-Soap $B.Url
        $served.StatusCode | Should -Be 200
        $served.Content | Should -Match '<apiType>VirtualCenter</apiType>'
        $stats = Get-RigSimulatorStatistic $B
        $stats.requests | Should -Be 5
        $stats.failed | Should -Be 3

        Set-RigSimulatorFault $B -DelayMilliseconds 300 | Out-Null
        (Measure-Command { Invoke-Soap $B.Url }).TotalMilliseconds | Should -BeGreaterOrEqual 290
        (Set-RigSimulatorFault $B -DelayMilliseconds 0).delayMs | Should -Be 0
    }

    It 'throws the simulator''s reason on ERR, and ignores blank lines' {
        { Get-RigVMInfo $A -Name 'nobody' } | Should -Throw '*no VM named "nobody"*'
        { Invoke-RigSimulatorCommand $A 'resize x' } | Should -Throw '*usage: resize*'
        { Invoke-RigSimulatorCommand $A "ping`nping" } | Should -Throw '*one line*'
        # Blank lines get no answer: if they did, this ping would read a stale line instead of its own answer.
        $A.Process.StandardInput.WriteLine('')
        $A.Process.StandardInput.WriteLine("  `t ")
        (Invoke-RigSimulatorCommand $A 'ping').pong | Should -BeTrue
        Invoke-RigSimulatorCommand $A 'ping' -Raw | Should -Be 'OK {"pong":true}'
    }

    It 'a command not answered in time throws, and its late answer is skipped rather than read as the next one''s' {
        & kill -STOP $A.Process.Id
        try { { Invoke-RigSimulatorCommand $A 'list' -TimeoutSeconds 1 } | Should -Throw '*did not answer*' }
        finally { & kill -CONT $A.Process.Id }
        (Get-RigVMInfo $A -Name 'DC0_H0_VM1').name | Should -Be 'DC0_H0_VM1'
        $A.StaleAnswers | Should -Be 0
    }

    It 'Stop-RigSimulator -Kill kills one simulator (SIGKILL); the other keeps serving' {
        Stop-RigSimulator $B -Kill
        $B.Process.HasExited | Should -BeTrue
        $B.Process.ExitCode | Should -Be 137
        Test-Path $B.TempDirectory | Should -BeFalse
        { Invoke-WebRequest -Uri $B.Url -Method Post -Body '<x/>' } | Should -Throw
        { Invoke-RigSimulatorCommand $B 'ping' } | Should -Throw '*exited*'
        (Invoke-Soap $A.Url).StatusCode | Should -Be 200
        (Get-RigVMInfo $A -Name 'DC0_H0_VM1').powerState | Should -Be 'poweredOn'
    }

    It 'Start-RigSimulator -Count and Start-RigSimulators start several simulators in one call' {
        $many = @(Start-RigSimulator -Count 3 -VM 1)
        try {
            $many.Count | Should -Be 3
            @($many.Server | Select-Object -Unique).Count | Should -Be 3
            $many | ForEach-Object { @(Get-RigVM $_).Count | Should -Be 2 }
        }
        finally { $many | Stop-RigSimulator }
        $many | ForEach-Object { $_.Process.HasExited | Should -BeTrue; $_.Process.ExitCode | Should -Be 0 }

        $mixed = @(Start-RigSimulators -Topology @{ VM = 1 }, @{ Datacenter = 3; VM = 1; Tls = $true })
        try {
            @(Get-RigVM $mixed[0]).Count | Should -Be 2
            @(Get-RigVM $mixed[1]).Count | Should -Be 6
            $mixed[1].Sha256 | Should -Not -BeNullOrEmpty
        }
        finally { $mixed | Stop-RigSimulator }
    }
}

Describe 'The lab (build.ps1 -Task Lab)' -Tag Rig, Lab {
    BeforeEach {
        $script:LabDir = Join-Path ([System.IO.Path]::GetTempPath()) ('sdlab-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $script:SavedEnvironment = @{}
    }

    AfterEach {
        foreach ($name in $SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $SavedEnvironment[$name]) }
        # Whatever a failed test left: -Stop cleans up by the state file.
        if (Test-Path (Join-Path $LabDir 'state.json')) { Invoke-Build -Arguments @('-Task', 'Lab', '-Stop', '-LabDirectory', $LabDir) | Out-Null }
        Remove-Item $LabDir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'runs detached: prints and writes the connection values, which reach the hub schema and the vCenter; -Stop leaves no process' {
        $started = Invoke-Build -Arguments @('-Task', 'Lab', '-Detach', '-LabDirectory', $LabDir, '-LabDatacenter', '1', '-LabCluster', '1',
            '-LabVM', '2', '-LabTopology', '{"VMFolder":["Lab & Test"],"Template":0}')
        $started.ExitCode | Should -Be 0 -Because $started.Output
        $lab = Get-Content (Join-Path $LabDir 'lab.json') -Raw | ConvertFrom-Json
        $state = Get-Content (Join-Path $LabDir 'state.json') -Raw | ConvertFrom-Json
        $state.mode | Should -Be 'detached'
        foreach ($value in $lab.hub.port, $lab.hub.password, $lab.vcenter.server, $lab.vcenter.password, $lab.vcenter.sha256) {
            $started.Output | Should -Match ([regex]::Escape([string]$value))
        }
        # Everything runs in the background, in a session of its own: the starting process has exited.
        foreach ($entry in $state.supervisor, $state.mariadb, $state.simulator) { Test-Alive $entry.pid | Should -BeTrue }
        (Get-Content "/proc/$($state.supervisor.pid)/stat" -Raw) -match '\) \S+ (\d+) (\d+) (\d+)' | Should -BeTrue
        [int]$Matches[3] | Should -Be $state.supervisor.pid # its own session

        # The hub: a private server (not the test run's) with the upstream schema in the named database.
        $lab.hub.database | Should -Be 'migratekit_oma'
        $lab.hub.connectionString | Should -Not -Be $env:SENDENSE_TEST_MYSQL
        $server = "Server=$($lab.hub.server);Port=$($lab.hub.port);User ID=$($lab.hub.user);Password=$($lab.hub.password)"
        Invoke-RigSql -ConnectionString $server -Database $lab.hub.database -Sql "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('vm_replication_contexts', 'vm_disks', 'vm_machine_groups')" |
            Should -Be 3

        # The vCenter answers vim25 at the URL given.
        (Invoke-Soap $lab.vcenter.url).Content | Should -Match '<apiType>VirtualCenter</apiType>'

        # The module against both, with the values as the files give them.
        $envFile = Get-Content (Join-Path $LabDir 'lab.env') -Raw
        $envFile | Should -Match "export SENDENSE_LAB_VCENTER_SHA256='$([regex]::Escape($lab.vcenter.sha256))'"
        $bash = & bash -c ". '$LabDir/lab.env' && printf '%s|%s' `"`$SENDENSE_LAB_HUB_PORT`" `"`$SENDENSE_LAB_VCENTER`""
        $bash | Should -Be "$($lab.hub.port)|$($lab.vcenter.server)"
        # lab.ps1 sets process environment variables (MIGRATEKIT_CRED_ENCRYPTION_KEY among them): AfterEach restores
        # them, so later suites in this process see the environment they expect.
        $names = (Get-Content (Join-Path $LabDir 'lab.ps1')) -match '^\$env:' -replace '^\$env:(\w+).*$', '$1'
        $names | Should -Contain 'MIGRATEKIT_CRED_ENCRYPTION_KEY'
        foreach ($name in $names) { $SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }
        . (Join-Path $LabDir 'lab.ps1')
        $env:SENDENSE_LAB_VCENTER_PASSWORD | Should -Be $lab.vcenter.password
        $env:MIGRATEKIT_CRED_ENCRYPTION_KEY | Should -Be $lab.hub.credentialKey
        $hub = Connect-SendenseHub -Server $env:SENDENSE_LAB_HUB_SERVER -Port $env:SENDENSE_LAB_HUB_PORT -Database $env:SENDENSE_LAB_HUB_DATABASE `
            -Credential $SendenseLabHubCredential -TlsMode None -NotDefault
        try {
            $discovered = @(Invoke-SendenseVMDiscovery -VCenter $env:SENDENSE_LAB_VCENTER -Credential $SendenseLabVCenterCredential -Thumbprint $env:SENDENSE_LAB_VCENTER_SHA256)
            $discovered.Count | Should -Be 4
            $lab.vcenter.vms | Should -Be 4
            $discovered.Folder | Should -Contain 'Lab & Test'
            @($discovered | Add-SendenseVM -Hub $hub).Count | Should -Be 4
            @(Get-SendenseVM -Hub $hub).Count | Should -Be 4
        }
        finally { Disconnect-SendenseHub -Hub $hub }

        # A control command through the lab's supervisor reaches its simulator.
        $command = Invoke-Build -Arguments @('-Task', 'Lab', '-LabDirectory', $LabDir, '-LabCommand', 'poweroff DC0_H0_VM0')
        $command.ExitCode | Should -Be 0 -Because $command.Output
        $command.Output | Should -Match 'OK \{.*"powerState":"poweredOff"'
        (Invoke-SendenseVMDiscovery -VCenter $env:SENDENSE_LAB_VCENTER -Credential $SendenseLabVCenterCredential -Thumbprint $env:SENDENSE_LAB_VCENTER_SHA256 -Name DC0_H0_VM0).PowerState |
            Should -Be 'poweredOff'

        # A second lab in the same folder is refused while this one runs.
        $second = Invoke-Build -Arguments @('-Task', 'Lab', '-Detach', '-LabDirectory', $LabDir)
        $second.ExitCode | Should -Not -Be 0
        $second.Output | Should -Match 'already running'

        $stopped = Invoke-Build -Arguments @('-Task', 'Lab', '-Stop', '-LabDirectory', $LabDir)
        $stopped.ExitCode | Should -Be 0 -Because $stopped.Output
        foreach ($entry in $state.supervisor, $state.mariadb, $state.simulator) { Test-Alive $entry.pid | Should -BeFalse }
        @(Get-ProcessMentioning $state.mariadb.directory) | Should -BeNullOrEmpty
        @(Get-ProcessMentioning $state.simulator.tempDirectory) | Should -BeNullOrEmpty
        Test-Path $state.mariadb.directory | Should -BeFalse
        Test-Path $state.simulator.tempDirectory | Should -BeFalse
        foreach ($file in 'lab.json', 'lab.env', 'lab.ps1', 'state.json') { Test-Path (Join-Path $LabDir $file) | Should -BeFalse }
    }

    It 'runs in the foreground until Ctrl+C, then stops everything' {
        # `script` gives the lab a terminal; ^C written to it is the terminal's Ctrl+C (SIGINT to the foreground group).
        $script = Get-Command script -CommandType Application -ErrorAction Stop | Select-Object -First 1
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new($script.Source)
        $command = "dotnet pwsh -NoProfile -File ./build.ps1 -Task Lab -LabDirectory '$LabDir' -LabDatacenter 1 -LabVM 1"
        foreach ($argument in '-qfec', $command, '/dev/null') { $startInfo.ArgumentList.Add($argument) }
        $startInfo.WorkingDirectory = Get-RigRepositoryRoot
        $startInfo.RedirectStandardInput = $true
        $startInfo.RedirectStandardOutput = $true
        $startInfo.UseShellExecute = $false
        $terminal = [System.Diagnostics.Process]::Start($startInfo)
        $output = $terminal.StandardOutput.ReadToEndAsync()
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (-not (Test-Path (Join-Path $LabDir 'lab.json')) -and -not $terminal.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
            Test-Path (Join-Path $LabDir 'lab.json') | Should -BeTrue -Because "the lab should start ($(if ($terminal.HasExited) { $output.Result }))"
            # lab.json is written just before the state turns ready; the Ctrl+C hint is printed just after.
            while (-not $terminal.HasExited -and -not ((Get-Content (Join-Path $LabDir 'state.json') -Raw -ErrorAction SilentlyContinue) -match '"ready"')) { Start-Sleep -Milliseconds 100 }
            $state = Get-Content (Join-Path $LabDir 'state.json') -Raw | ConvertFrom-Json
            $state.status | Should -Be 'ready'
            $state.mode | Should -Be 'foreground'
            foreach ($entry in $state.supervisor, $state.mariadb, $state.simulator) { Test-Alive $entry.pid | Should -BeTrue }
            Start-Sleep -Milliseconds 500

            $terminal.StandardInput.Write([char]3)
            $terminal.StandardInput.Flush()
            $terminal.WaitForExit(60000) | Should -BeTrue
        }
        finally {
            if (-not $terminal.HasExited) { $terminal.Kill($true) }
        }
        $output.Result | Should -Match 'The lab is stopped'
        foreach ($entry in $state.supervisor, $state.mariadb, $state.simulator) { Test-Alive $entry.pid | Should -BeFalse }
        @(Get-ProcessMentioning $state.mariadb.directory) | Should -BeNullOrEmpty
        @(Get-ProcessMentioning $state.simulator.tempDirectory) | Should -BeNullOrEmpty
        Test-Path (Join-Path $LabDir 'state.json') | Should -BeFalse
    }
}
