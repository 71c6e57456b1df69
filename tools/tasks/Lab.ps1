# The Lab task: a private hub database (the upstream schema loaded) and a vCenter simulator that stay up for manual
# work with the module, their connection values printed and written to out/lab (lab.json, lab.env, lab.ps1).
# In the foreground it runs until Ctrl+C; with -Detach a supervisor process (a pwsh of its own session, holding the
# simulator's standard input) keeps it up until `-Task Lab -Stop`. Either way the lab's state file (state.json: the
# pids and start times of the supervisor, MariaDB and the simulator) lets -Stop find and stop every process of it,
# and a stop leaves none behind. See docs/testing-lab.md.

$script:LabDefaultTopology = [ordered]@{
    Datacenter = 2; Cluster = 2; ClusterHost = 2; StandaloneHost = 1; VM = 3; Template = 1; Tls = $true
    VMFolder = @('Production/Web', 'Production/Database', 'Test'); MoveEvery = 2
}

function Invoke-Lab {
    <#
    .SYNOPSIS
    Starts the lab (foreground until Ctrl+C, or -Detach), or stops a running one (-Stop). Returns the exit code.
    #>
    param(
        [Parameter(Mandatory)][string] $RepoRoot,
        # Folder of the lab's files: out/lab by default.
        [string] $Directory,
        # Start-RigSimulator parameters over the lab's default topology: a hashtable, or the same as a JSON object.
        [object] $Topology,
        # The scalar topology parameters of build.ps1 (-LabVM and friends), applied before -Topology.
        [hashtable] $Counts = @{},
        [ValidatePattern('^[A-Za-z0-9_]{1,64}$')][string] $Database = 'migratekit_oma',
        [switch] $Detach,
        [switch] $Stop,
        # Send one control command to the running lab's simulator (see tests/tools/vcsim/control.go) and print the answer.
        [string] $Command,
        # Internal: run as the detached supervisor, from the request the starting process wrote.
        [switch] $Supervise,
        [int] $TimeoutSeconds = 600
    )
    if (-not $Directory) { $Directory = Join-Path $RepoRoot 'out/lab' }
    New-Item -ItemType Directory -Path $Directory -Force | Out-Null
    $Directory = (Resolve-Path $Directory).Path

    if ($Stop) { return (Stop-Lab -Directory $Directory) }
    if ($Command) { return (Send-LabCommand -Directory $Directory -Command $Command) }
    if ($Supervise) {
        $requestFile = Join-Path $Directory 'request.json'
        $request = Get-Content $requestFile -Raw | ConvertFrom-Json -AsHashtable
        Remove-Item $requestFile -Force
        Invoke-LabSession -Directory $Directory -Request $request -Mode detached
        return 0
    }

    Assert-NoLab -Directory $Directory
    Install-RigPrerequisite
    $request = @{
        Topology  = Resolve-LabTopology -Counts $Counts -Topology $Topology
        Database  = $Database
        Launcher  = Build-RigSimulator
        Fixtures  = Join-Path $RepoRoot 'tests/fixtures/sendense-hub'
        RepoRoot  = $RepoRoot
    }
    if (-not $Detach) {
        Invoke-LabSession -Directory $Directory -Request $request -Mode foreground
        return 0
    }
    Start-LabSupervisor -Directory $Directory -Request $request -TimeoutSeconds $TimeoutSeconds
}

function Resolve-LabTopology {
    # The default lab topology, then the scalar parameters, then -Topology; every key must be a parameter of
    # Start-RigSimulator that describes the simulator (not how it is started).
    param([hashtable] $Counts, [object] $Topology)
    $result = [ordered]@{}
    foreach ($key in $script:LabDefaultTopology.Keys) { $result[$key] = $script:LabDefaultTopology[$key] }
    foreach ($key in $Counts.Keys) { $result[$key] = $Counts[$key] }
    if ($Topology -is [string]) {
        if ($Topology.Trim()) { $Topology = ConvertFrom-Json -InputObject $Topology -AsHashtable } else { $Topology = $null }
    }
    if ($null -ne $Topology) {
        if ($Topology -isnot [System.Collections.IDictionary]) { throw '-LabTopology takes a hashtable or a JSON object of Start-RigSimulator parameters.' }
        foreach ($key in $Topology.Keys) { $result[$key] = $Topology[$key] }
    }
    $allowed = (Get-Command Start-RigSimulator).Parameters.Keys | Where-Object {
        $_ -notin 'Count', 'NoWait', 'TimeoutSeconds' -and $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters
    }
    foreach ($key in @($result.Keys)) {
        $match = $allowed | Where-Object { $_ -eq $key }
        if (-not $match) { throw "Unknown lab topology key '$key'. The keys are: $(($allowed | Sort-Object) -join ', ')." }
        if ($match -cne $key) { $value = $result[$key]; $result.Remove($key); $result[$match] = $value }
    }
    if ($result.Contains('Tls')) { $result['Tls'] = [bool]$result['Tls'] }
    $result
}

function Get-LabPath {
    param([string] $Directory, [ValidateSet('State', 'Stop', 'Json', 'Env', 'Ps1', 'Log', 'Request')][string] $Kind)
    Join-Path $Directory (@{ State = 'state.json'; Stop = 'stop'; Json = 'lab.json'; Env = 'lab.env'; Ps1 = 'lab.ps1'; Log = 'lab.log'; Request = 'request.json' }[$Kind])
}

function Write-LabFile {
    # Written aside and moved, so a reader never sees half a file; readable by the owner only (they hold passwords).
    param([string] $Path, [string] $Text)
    $temporary = "$Path.$PID.tmp"
    [System.IO.File]::WriteAllText($temporary, $Text, [System.Text.UTF8Encoding]::new($false))
    if (-not $IsWindows) { [System.IO.File]::SetUnixFileMode($temporary, [System.IO.UnixFileMode]'UserRead, UserWrite') }
    Move-Item -Path $temporary -Destination $Path -Force
}

function Get-LabProcessStamp {
    # The start time of a process (field 22 of /proc/<pid>/stat), so that a recorded pid is never confused with a later
    # process that got the same number. $null when there is no such process.
    param([int] $ProcessId)
    $stat = Get-Content "/proc/$ProcessId/stat" -Raw -ErrorAction SilentlyContinue
    if (-not $stat) { return $null }
    # The name (field 2) may hold blanks and parentheses: the fields after it start behind the last ')'.
    $fields = $stat.Substring($stat.LastIndexOf(')') + 2).Split(' ')
    if ($fields[0] -eq 'Z') { return $null } # a zombie is gone, only not yet reaped
    $fields[19]
}

function Test-LabProcess {
    # Whether the process of a state entry (@{ pid; stamp }) still runs.
    param($Entry)
    [bool]($Entry -and $Entry['pid'] -and ((Get-LabProcessStamp $Entry['pid']) -eq $Entry['stamp']))
}

function New-LabProcessEntry {
    param([int] $ProcessId, [hashtable] $Extra = @{})
    $entry = @{ pid = $ProcessId; stamp = (Get-LabProcessStamp $ProcessId) }
    foreach ($key in $Extra.Keys) { $entry[$key] = $Extra[$key] }
    $entry
}

function Read-LabState {
    param([string] $Directory)
    $path = Get-LabPath $Directory State
    if (-not (Test-Path $path)) { return $null }
    try { Get-Content $path -Raw | ConvertFrom-Json -AsHashtable } catch { $null }
}

function Assert-NoLab {
    # One lab per folder. A state file whose supervisor is gone is what a killed lab left: its processes are stopped.
    param([string] $Directory)
    $state = Read-LabState $Directory
    if (-not $state) { return }
    if (Test-LabProcess $state.supervisor) {
        throw "A lab is already running in $Directory (pid $($state.supervisor.pid), $($state.mode)). Stop it with: dotnet pwsh ./build.ps1 -Task Lab -Stop$(if ($Directory -ne (Join-Path (Get-RigRepositoryRoot) 'out/lab')) { " -LabDirectory '$Directory'" })"
    }
    Write-Host "Cleaning up a lab that was not stopped (its supervisor, pid $($state.supervisor.pid), is gone)."
    Stop-Lab -Directory $Directory | Out-Null
}

function Invoke-LabSession {
    # Starts MariaDB, the hub database and the simulator, writes the lab's files, then waits for a stop request (the
    # stop file, Ctrl+C, or a component exiting) and stops everything in finally, which PowerShell runs on Ctrl+C too.
    param([string] $Directory, [hashtable] $Request, [ValidateSet('foreground', 'detached')][string] $Mode)
    $stopFile = Get-LabPath $Directory Stop
    Remove-Item $stopFile -Force -ErrorAction SilentlyContinue
    $state = @{ status = 'starting'; mode = $Mode; directory = $Directory; startedAt = [DateTime]::UtcNow.ToString('o')
        supervisor = (New-LabProcessEntry $PID) }
    Write-LabFile (Get-LabPath $Directory State) ($state | ConvertTo-Json -Depth 5)

    $saved = @{}
    foreach ($key in 'SENDENSE_TEST_MYSQL', 'SENDENSE_VCSIM_LAUNCHER', 'SENDENSE_HUB_FIXTURES') { $saved[$key] = [Environment]::GetEnvironmentVariable($key) }
    # The lab's MariaDB is always its own: never a server named by SENDENSE_TEST_MYSQL (a test run's, say).
    [Environment]::SetEnvironmentVariable('SENDENSE_TEST_MYSQL', $null)
    $env:SENDENSE_VCSIM_LAUNCHER = $Request.Launcher
    $env:SENDENSE_HUB_FIXTURES = $Request.Fixtures
    $rig = $null
    $simulator = $null
    try {
        $rig = Start-RigMariaDb
        $state.mariadb = New-LabProcessEntry $rig.Process.Id @{ directory = $rig.Directory }
        Write-LabFile (Get-LabPath $Directory State) ($state | ConvertTo-Json -Depth 5)
        $hub = New-RigHubDatabase -ConnectionString $rig.ConnectionString -Name $Request.Database -SiteSetup
        $topology = @{}
        foreach ($key in $Request.Topology.Keys) { $topology[$key] = $Request.Topology[$key] }
        if ($topology.Contains('Rename') -and $topology.Rename -isnot [hashtable]) { $topology.Rename = [hashtable]$topology.Rename }
        $simulator = Start-RigSimulator @topology
        $state.simulator = New-LabProcessEntry $simulator.Process.Id @{ tempDirectory = $simulator.TempDirectory }
        Write-LabFile (Get-LabPath $Directory State) ($state | ConvertTo-Json -Depth 5)

        $lab = New-LabDescription -Rig $rig -Hub $hub -Simulator $simulator -Topology $Request.Topology -State $state
        Write-LabConnectionFiles -Directory $Directory -Lab $lab
        $state.status = 'ready'
        Write-LabFile (Get-LabPath $Directory State) ($state | ConvertTo-Json -Depth 5)
        if ($Mode -eq 'foreground') {
            Show-Lab -Lab $lab -Directory $Directory
            Write-Host 'Press Ctrl+C to stop the lab (or run: dotnet pwsh ./build.ps1 -Task Lab -Stop).'
        }
        else {
            Write-Host "Lab ready (supervisor pid $PID)."
        }

        while (-not (Test-Path $stopFile)) {
            if ($simulator.Process.HasExited) { Write-Warning "The vCenter simulator exited (code $($simulator.Process.ExitCode)): stopping the lab."; break }
            if ($rig.Process.HasExited) { Write-Warning "MariaDB exited (code $($rig.Process.ExitCode)): stopping the lab."; break }
            Invoke-LabCommandRequest -Directory $Directory -Simulator $simulator
            Start-Sleep -Milliseconds 250
        }
    }
    catch {
        Write-Host "The lab failed: $_"
        throw
    }
    finally {
        Write-Host 'Stopping the lab...'
        if ($simulator) { Stop-RigSimulator $simulator }
        if ($rig) { Stop-RigMariaDb $rig }
        Stop-OwnedRigServer
        foreach ($kind in 'Json', 'Env', 'Ps1', 'Stop', 'State') { Remove-Item (Get-LabPath $Directory $kind) -Force -ErrorAction SilentlyContinue }
        Remove-Item (Join-Path $Directory 'commands') -Recurse -Force -ErrorAction SilentlyContinue
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
        Write-Host 'The lab is stopped.'
    }
}

function Invoke-LabCommandRequest {
    # Control commands for the lab's simulator arrive as files (commands/<id>.cmd, from Send-LabCommand): only the
    # supervisor holds the simulator's standard input. Each gets its answer line in commands/<id>.answer.
    param([string] $Directory, $Simulator)
    foreach ($file in Get-ChildItem -Path (Join-Path $Directory 'commands') -Filter '*.cmd' -File -ErrorAction SilentlyContinue) {
        $line = (Get-Content $file.FullName -Raw).Trim()
        $answer = try { Invoke-RigSimulatorCommand $Simulator $line -Raw } catch { "ERR $($_.Exception.Message)" }
        Remove-Item $file.FullName -Force
        Write-LabFile ([System.IO.Path]::ChangeExtension($file.FullName, 'answer')) $answer
    }
}

function Send-LabCommand {
    # Hands a control command to the running lab (foreground or detached) and prints its answer; exit code 1 on ERR.
    param([string] $Directory, [string] $Command)
    $state = Read-LabState $Directory
    if (-not $state -or $state.status -ne 'ready' -or -not (Test-LabProcess $state.supervisor)) {
        Write-Host "No lab is running in $Directory."
        return 1
    }
    $folder = Join-Path $Directory 'commands'
    New-Item -ItemType Directory -Path $folder -Force | Out-Null
    $id = [guid]::NewGuid().ToString('N')
    Write-LabFile (Join-Path $folder "$id.cmd") $Command
    $answerFile = Join-Path $folder "$id.answer"
    $deadline = [DateTime]::UtcNow.AddSeconds(90)
    while (-not (Test-Path $answerFile)) {
        if ([DateTime]::UtcNow -gt $deadline -or -not (Test-LabProcess $state.supervisor)) {
            Remove-Item (Join-Path $folder "$id.cmd") -Force -ErrorAction SilentlyContinue
            Write-Host 'The lab did not answer.'
            return 1
        }
        Start-Sleep -Milliseconds 100
    }
    $answer = Get-Content $answerFile -Raw
    Remove-Item $answerFile -Force
    Write-Host $answer
    if ($answer.StartsWith('OK')) { 0 } else { 1 }
}

function Stop-OwnedRigServer {
    # A MariaDB that Start-RigMariaDb had started when Ctrl+C interrupted it (so it never returned its handle): its data
    # folder names this process as owner.
    foreach ($dir in Get-ChildItem -Path ([System.IO.Path]::GetTempPath()) -Directory -Filter 'sendense-rig-*' -ErrorAction SilentlyContinue) {
        $owner = Get-Content (Join-Path $dir.FullName 'owner.pid') -Raw -ErrorAction SilentlyContinue
        if (-not $owner -or [int]$owner -ne $PID) { continue }
        $serverPid = Get-Content (Join-Path $dir.FullName 'server.pid') -Raw -ErrorAction SilentlyContinue
        if ($serverPid) {
            $process = Get-Process -Id ([int]$serverPid) -ErrorAction SilentlyContinue
            if ($process -and $process.ProcessName -match 'mariadbd|mysqld') { $process.Kill(); $process.WaitForExit(10000) | Out-Null }
        }
        Remove-Item -Recurse -Force $dir.FullName -ErrorAction SilentlyContinue
    }
}

function New-LabDescription {
    param($Rig, $Hub, $Simulator, $Topology, [hashtable] $State)
    $password = (ConvertFrom-RigConnectionString $Rig.ConnectionString).Password
    $key = [byte[]]::new(32)
    [System.Security.Cryptography.RandomNumberGenerator]::Fill($key)
    [ordered]@{
        hub       = [ordered]@{
            server = $Hub.Server; port = $Hub.Port; database = $Hub.Name; user = $Hub.UserName; password = $password
            connectionString = $Hub.ConnectionString
            # The hub's credential key (MIGRATEKIT_CRED_ENCRYPTION_KEY), for the *-SendenseVCenterCredential cmdlets.
            credentialKey = [Convert]::ToBase64String($key)
        }
        vcenter   = [ordered]@{
            server = $Simulator.Server; url = $Simulator.Url; user = $Simulator.UserName; password = $Simulator.Password
            sha256 = $Simulator.Sha256; sha1 = $Simulator.Sha1
            vms = @(Get-RigVM $Simulator).Count
            topology = $Topology
        }
        mode      = $State.mode
        pid       = $PID
        directory = $State.directory
        startedAt = $State.startedAt
    }
}

function Get-LabVariable {
    # The environment variables of the lab, in the order they are written.
    param($Lab)
    $values = [ordered]@{
        SENDENSE_LAB_HUB_SERVER            = $Lab.hub.server
        SENDENSE_LAB_HUB_PORT              = $Lab.hub.port
        SENDENSE_LAB_HUB_DATABASE          = $Lab.hub.database
        SENDENSE_LAB_HUB_USER              = $Lab.hub.user
        SENDENSE_LAB_HUB_PASSWORD          = $Lab.hub.password
        SENDENSE_LAB_HUB_CONNECTION_STRING = $Lab.hub.connectionString
        SENDENSE_LAB_VCENTER               = $Lab.vcenter.server
        SENDENSE_LAB_VCENTER_URL           = $Lab.vcenter.url
        SENDENSE_LAB_VCENTER_USER          = $Lab.vcenter.user
        SENDENSE_LAB_VCENTER_PASSWORD      = $Lab.vcenter.password
        SENDENSE_LAB_VCENTER_SHA256        = $Lab.vcenter.sha256
        SENDENSE_LAB_VCENTER_SHA1          = $Lab.vcenter.sha1
        MIGRATEKIT_CRED_ENCRYPTION_KEY     = $Lab.hub.credentialKey
    }
    $values
}

function Write-LabConnectionFiles {
    param([string] $Directory, $Lab)
    Write-LabFile (Get-LabPath $Directory Json) ($Lab | ConvertTo-Json -Depth 6)
    $variables = Get-LabVariable $Lab
    $sh = @('# Sendense lab connection values: source this file (". out/lab/lab.env") in bash or sh.')
    $ps = @('# Sendense lab connection values: dot-source this file (". ./out/lab/lab.ps1") in PowerShell.')
    foreach ($name in $variables.Keys) {
        $value = [string]$variables[$name]
        $sh += "export $name='$($value.Replace("'", "'\''"))'"
        $ps += "`$env:$name = '$($value.Replace("'", "''"))'"
    }
    $ps += '$SendenseLabHubCredential = [pscredential]::new($env:SENDENSE_LAB_HUB_USER, (ConvertTo-SecureString $env:SENDENSE_LAB_HUB_PASSWORD -AsPlainText -Force))'
    $ps += '$SendenseLabVCenterCredential = [pscredential]::new($env:SENDENSE_LAB_VCENTER_USER, (ConvertTo-SecureString $env:SENDENSE_LAB_VCENTER_PASSWORD -AsPlainText -Force))'
    Write-LabFile (Get-LabPath $Directory Env) (($sh -join "`n") + "`n")
    Write-LabFile (Get-LabPath $Directory Ps1) (($ps -join "`n") + "`n")
}

function Show-Lab {
    param($Lab, [string] $Directory)
    $rows = @(
        @('Hub server', $Lab.hub.server), @('Hub port', $Lab.hub.port), @('Hub database', $Lab.hub.database),
        @('Hub user', $Lab.hub.user), @('Hub password', $Lab.hub.password),
        @('vCenter', $Lab.vcenter.server), @('vCenter URL', $Lab.vcenter.url), @('vCenter user', $Lab.vcenter.user),
        @('vCenter password', $Lab.vcenter.password), @('vCenter SHA-256', $Lab.vcenter.sha256), @('vCenter SHA-1', $Lab.vcenter.sha1),
        @('VMs (with templates)', $Lab.vcenter.vms), @('Credential key', $Lab.hub.credentialKey)
    ) | ForEach-Object { [pscustomobject]@{ Name = $_[0]; Value = $_[1] } }
    Write-Host ''
    Write-Host "Sendense lab ($($Lab.mode), pid $($Lab.pid)):"
    $rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
    Write-Host "Connection values: $(Get-LabPath $Directory Json)"
    Write-Host "  bash:       . '$(Get-LabPath $Directory Env)'"
    Write-Host "  PowerShell: . '$(Get-LabPath $Directory Ps1)'   (also sets `$SendenseLabHubCredential and `$SendenseLabVCenterCredential)"
    Write-Host ''
    Write-Host 'Then, in PowerShell with the module built (dotnet pwsh ./build.ps1 -Task Build):'
    Write-Host '  Import-Module ./out/Sendense'
    Write-Host '  Connect-SendenseHub -Server $env:SENDENSE_LAB_HUB_SERVER -Port $env:SENDENSE_LAB_HUB_PORT -Database $env:SENDENSE_LAB_HUB_DATABASE -Credential $SendenseLabHubCredential'
    Write-Host '  Invoke-SendenseVMDiscovery -VCenter $env:SENDENSE_LAB_VCENTER -Credential $SendenseLabVCenterCredential -Thumbprint $env:SENDENSE_LAB_VCENTER_SHA256 | Add-SendenseVM'
    Write-Host ''
}

function Start-LabSupervisor {
    # Starts the supervisor detached: a pwsh in a session of its own (setsid: no terminal, so no Ctrl+C or hang-up from
    # this shell), standard input /dev/null and output to lab.log (so it holds none of this process's pipes: a caller
    # that reads this process's output sees it end when this process ends). Waits until the lab is ready.
    param([string] $Directory, [hashtable] $Request, [int] $TimeoutSeconds)
    $log = Get-LabPath $Directory Log
    Remove-Item $log -Force -ErrorAction SilentlyContinue
    Write-LabFile (Get-LabPath $Directory Request) ($Request | ConvertTo-Json -Depth 6)

    $repo = $Request.RepoRoot
    $script = "`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'; " +
        "Import-Module '$((Join-Path $repo 'tests/tools/TestRig.psm1').Replace("'", "''"))'; " +
        "Import-Module '$((Join-Path $repo 'tools/BuildTasks.psm1').Replace("'", "''"))'; " +
        "exit (Invoke-Lab -RepoRoot '$($repo.Replace("'", "''"))' -Directory '$($Directory.Replace("'", "''"))' -Supervise)"
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($script))
    # This very PowerShell: `dotnet pwsh` runs pwsh.dll under the dotnet host; start that directly (one process, not two).
    $exe = [Environment]::ProcessPath
    $pwshArguments = @()
    if ([System.IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $pwshArguments += [Environment]::GetCommandLineArgs()[0] }
    # -OutputFormat Text: with -EncodedCommand and redirected output pwsh would otherwise log CLIXML.
    $pwshArguments += @('-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand', $encoded)

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('/bin/sh')
    foreach ($argument in @('-c', 'exec setsid "$@" </dev/null >>"$0" 2>&1', $log, $exe) + $pwshArguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.WorkingDirectory = $repo
    $process = [System.Diagnostics.Process]::Start($startInfo)
    Write-Host "Starting the lab in the background (supervisor pid $($process.Id), log $log)..."

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $state = Read-LabState $Directory
        if ($state -and $state.status -eq 'ready' -and (Test-Path (Get-LabPath $Directory Json))) { break }
        if ($process.HasExited) {
            $tail = (Get-Content $log -Tail 30 -ErrorAction SilentlyContinue) -join [Environment]::NewLine
            Write-Host "The lab did not start (supervisor exit code $($process.ExitCode)). Its log:$([Environment]::NewLine)$tail"
            return 1
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Write-Host "The lab was not ready within $TimeoutSeconds s; stopping it."
            Stop-Lab -Directory $Directory | Out-Null
            return 1
        }
        Start-Sleep -Milliseconds 200
    }
    $lab = Get-Content (Get-LabPath $Directory Json) -Raw | ConvertFrom-Json -AsHashtable
    Show-Lab -Lab $lab -Directory $Directory
    Write-Host "The lab runs in the background. Stop it with: dotnet pwsh ./build.ps1 -Task Lab -Stop$(if ($Directory -ne (Join-Path $repo 'out/lab')) { " -LabDirectory '$Directory'" })"
    0
}

function Stop-Lab {
    # Asks the supervisor to stop (the stop file) and waits for it; then stops whatever of the lab is still running,
    # by the pids and start times in state.json, and checks that nothing is left. Returns the exit code.
    param([string] $Directory)
    $state = Read-LabState $Directory
    if (-not $state) {
        Write-Host "No lab is running in $Directory."
        return 0
    }
    # Keys are read with [] : a lab stopped while starting has no simulator (or MariaDB) entry yet.
    $entries = @($state['supervisor'], $state['simulator'], $state['mariadb']) | Where-Object { $_ }
    if (Test-LabProcess $state.supervisor) {
        Write-Host "Stopping the lab (supervisor pid $($state.supervisor.pid))..."
        Set-Content -Path (Get-LabPath $Directory Stop) -Value 'stop'
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ((Test-LabProcess $state.supervisor) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
    }

    # Whatever is still there: a supervisor that hung, or processes a killed supervisor left (MariaDB does not exit with
    # its parent; the simulator exits by itself once its standard input closes, but may not have yet).
    foreach ($entry in $entries) {
        if (Test-LabProcess $entry) {
            Write-Host "Killing pid $($entry.pid), left by the lab."
            & kill -KILL $entry.pid 2>$null
        }
    }
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    while (@($entries | Where-Object { Test-LabProcess $_ }).Count -gt 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
    $folders = @(if ($state['mariadb']) { $state['mariadb']['directory'] }; if ($state['simulator']) { $state['simulator']['tempDirectory'] })
    foreach ($folder in $folders) {
        if ($folder -and (Test-Path $folder)) { Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue }
    }
    foreach ($kind in 'Json', 'Env', 'Ps1', 'Stop', 'State', 'Request') { Remove-Item (Get-LabPath $Directory $kind) -Force -ErrorAction SilentlyContinue }
    Remove-Item (Join-Path $Directory 'commands') -Recurse -Force -ErrorAction SilentlyContinue

    $left = @($entries | Where-Object { Test-LabProcess $_ })
    if ($left.Count -gt 0) {
        Write-Host "The lab could not stop pid(s) $(($left | ForEach-Object pid) -join ', ')."
        return 1
    }
    Write-Host 'The lab is stopped; none of its processes is left.'
    0
}
