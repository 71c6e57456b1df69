# The real test rig: a private MariaDB server and govmomi vCenter simulators, started and stopped by the test
# run itself. Used by build.ps1 (Test, Demo, Bench) and by the Pester suites. Nothing here is mocked: the
# database is Debian's mariadb-server, the vCenter is govmomi's simulator behind tests/tools/vcsim.
#
# Environment contract (what build.ps1 exports for the xUnit and Pester runs):
#   SENDENSE_TEST_MYSQL      connection string of a server the tests may create databases on
#   SENDENSE_VCSIM_LAUNCHER  path of the built simulator launcher
#   SENDENSE_HUB_FIXTURES    folder of the upstream hub schema files (applied in name order)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:RigPrefix = 'sendense-rig-'
$script:AptUpdated = $false

function Get-RigRepositoryRoot { $script:RepoRoot }

function Get-RigFixtureDirectory {
    if ($env:SENDENSE_HUB_FIXTURES) { return $env:SENDENSE_HUB_FIXTURES }
    Join-Path $script:RepoRoot 'tests/fixtures/sendense-hub'
}

function Test-RigIsRoot { (& id -u) -eq '0' }

function Install-RigPrerequisite {
    <#
    .SYNOPSIS
    Installs what the rig needs from Debian's packages when it is missing (as root), else says what to install.
    #>
    [CmdletBinding()]
    param(
        [ValidateSet('MariaDB', 'Go', 'Govmomi')]
        [string[]] $Component = @('MariaDB', 'Go', 'Govmomi')
    )

    $missing = [System.Collections.Generic.List[string]]::new()
    foreach ($item in $Component) {
        switch ($item) {
            'MariaDB' {
                if (-not (Find-RigExecutable 'mariadbd', 'mysqld' -Optional) -or -not (Find-RigExecutable 'mariadb', 'mysql' -Optional)) {
                    $missing.Add('mariadb-server'); $missing.Add('mariadb-client')
                }
            }
            'Go' { if (-not (Find-RigExecutable 'go' -Optional)) { $missing.Add('golang-go') } }
            'Govmomi' {
                if (-not (Test-Path '/usr/share/gocode/src/github.com/vmware/govmomi/simulator')) {
                    $missing.Add('golang-github-vmware-govmomi-dev')
                }
            }
        }
    }

    if ($missing.Count -eq 0) { return }
    $packages = $missing | Select-Object -Unique
    if (-not (Test-RigIsRoot)) {
        throw "The test rig needs these Debian packages: $($packages -join ' '). Install them with: sudo apt-get install -y $($packages -join ' ')"
    }

    Write-Host "Installing $($packages -join ', ') from Debian's packages..."
    $env:DEBIAN_FRONTEND = 'noninteractive'
    if (-not $script:AptUpdated) {
        & apt-get update -qq | Out-Null
        $script:AptUpdated = $true
    }
    # Installing mariadb-server must not start the system's own MariaDB service: the rig runs private servers only,
    # and a test run must leave no server behind. Debian's policy-rc.d hook (exit 101) forbids service starts.
    $policy = '/usr/sbin/policy-rc.d'
    $ownPolicy = -not (Test-Path $policy)
    if ($ownPolicy) {
        Set-Content -Path $policy -Value "#!/bin/sh`nexit 101"
        & chmod 755 $policy
    }
    try {
        & apt-get install -y -qq --no-install-recommends @packages | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "apt-get install $($packages -join ' ') failed with exit code $LASTEXITCODE." }
    }
    finally {
        if ($ownPolicy) { Remove-Item $policy -Force -ErrorAction SilentlyContinue }
    }
}

function Find-RigExecutable {
    param([string[]] $Name, [switch] $Optional)
    foreach ($candidate in $Name) {
        $command = Get-Command $candidate -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($command) { return $command.Source }
        foreach ($dir in '/usr/sbin', '/usr/local/sbin', '/sbin') {
            $path = Join-Path $dir $candidate
            if (Test-Path $path) { return $path }
        }
    }
    if ($Optional) { return $null }
    throw "None of $($Name -join ', ') was found. Run Install-RigPrerequisite."
}

function Get-RigFreePort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function New-RigSecret {
    $bytes = [byte[]]::new(18)
    [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
    [Convert]::ToBase64String($bytes).Replace('+', 'a').Replace('/', 'b')
}

function Remove-StaleRig {
    <#
    .SYNOPSIS
    Stops rig servers left behind by an earlier run that was killed before it could clean up.
    #>
    [CmdletBinding()]
    param()
    $temp = [System.IO.Path]::GetTempPath()
    foreach ($dir in Get-ChildItem -Path $temp -Directory -Filter "$script:RigPrefix*" -ErrorAction SilentlyContinue) {
        $pidFile = Join-Path $dir.FullName 'server.pid'
        $ownerFile = Join-Path $dir.FullName 'owner.pid'
        $ownerAlive = $false
        if (Test-Path $ownerFile) {
            $owner = [int](Get-Content $ownerFile -Raw)
            $ownerAlive = [bool](Get-Process -Id $owner -ErrorAction SilentlyContinue)
        }
        if ($ownerAlive) { continue }
        if (Test-Path $pidFile) {
            $serverPid = [int](Get-Content $pidFile -Raw)
            $process = Get-Process -Id $serverPid -ErrorAction SilentlyContinue
            if ($process -and $process.ProcessName -match 'mariadbd|mysqld') { $process.Kill(); $process.WaitForExit(10000) | Out-Null }
        }
        Remove-Item -Recurse -Force $dir.FullName -ErrorAction SilentlyContinue
    }
}

function Start-RigMariaDb {
    <#
    .SYNOPSIS
    Starts a private MariaDB server on a free loopback port (or uses SENDENSE_TEST_MYSQL) and waits until it answers.
    .OUTPUTS
    An object with ConnectionString, Server, Port, UserName, Owned (whether Stop-RigMariaDb must stop it).
    #>
    [CmdletBinding()]
    param(
        [int] $TimeoutSeconds = 60,
        # MariaDB's own durability defaults (a log flush per commit, doublewrite), as an appliance runs it; without
        # it the server trades durability for speed, which is right for a test run and wrong for a benchmark.
        [switch] $Durable
    )

    if ($env:SENDENSE_TEST_MYSQL) {
        Write-Verbose 'Using the MariaDB server named by SENDENSE_TEST_MYSQL.'
        $existing = ConvertFrom-RigConnectionString $env:SENDENSE_TEST_MYSQL
        return [pscustomobject]@{ ConnectionString = $env:SENDENSE_TEST_MYSQL; Server = $existing.Server; Port = $existing.Port
            UserName = $existing.UserName; Owned = $false; Process = $null; Directory = $null }
    }

    Install-RigPrerequisite -Component MariaDB
    Remove-StaleRig
    $server = Find-RigExecutable 'mariadbd', 'mysqld'
    $installDb = Find-RigExecutable 'mariadb-install-db', 'mysql_install_db'

    $directory = Join-Path ([System.IO.Path]::GetTempPath()) ($script:RigPrefix + [guid]::NewGuid().ToString('N').Substring(0, 12))
    $dataDir = Join-Path $directory 'data'
    New-Item -ItemType Directory -Path $dataDir -Force | Out-Null
    Set-Content -Path (Join-Path $directory 'owner.pid') -Value $PID

    $isRoot = Test-RigIsRoot
    $userArgs = @(if ($isRoot) { '--user=root' })
    $installLog = Join-Path $directory 'install.log'
    & $installDb --no-defaults "--datadir=$dataDir" --auth-root-authentication-method=normal --skip-test-db @userArgs *> $installLog
    if ($LASTEXITCODE -ne 0) { throw "mariadb-install-db failed (exit $LASTEXITCODE): $(Get-Content $installLog -Raw)" }

    $port = Get-RigFreePort
    $user = 'sendense_rig'
    $password = New-RigSecret
    $initFile = Join-Path $directory 'init.sql'
    @"
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO '$user'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$user'@'localhost' WITH GRANT OPTION;
"@ | Set-Content -Path $initFile

    $arguments = @('--no-defaults', "--datadir=$dataDir", "--socket=$(Join-Path $directory 'mysqld.sock')", "--port=$port",
        '--bind-address=127.0.0.1', "--pid-file=$(Join-Path $directory 'mysqld.pid')", "--init-file=$initFile",
        '--skip-name-resolve', '--skip-log-bin', '--innodb-buffer-pool-size=256M', '--max-connections=500',
        "--log-error=$(Join-Path $directory 'error.log')") + $userArgs
    if (-not $Durable) {
        # Durability is traded for speed: this server lives for one test run.
        $arguments += @('--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0')
    }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($server)
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    Set-Content -Path (Join-Path $directory 'server.pid') -Value $process.Id

    $connectionString = "Server=127.0.0.1;Port=$port;User ID=$user;Password=$password"
    $rig = [pscustomobject]@{ ConnectionString = $connectionString; Server = '127.0.0.1'; Port = $port; UserName = $user
        Owned = $true; Process = $process; Directory = $directory }

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        if ($process.HasExited) {
            $log = Get-Content (Join-Path $directory 'error.log') -Raw -ErrorAction SilentlyContinue
            Stop-RigMariaDb $rig
            throw "MariaDB exited during start (exit $($process.ExitCode)): $log"
        }
        if (Test-RigMariaDbReady $rig) { break }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-RigMariaDb $rig
            throw "MariaDB did not answer on 127.0.0.1:$port within $TimeoutSeconds s."
        }
        Start-Sleep -Milliseconds 200
    }
    Write-Verbose "MariaDB is ready on 127.0.0.1:$port (data in $directory)."
    $rig
}

function Test-RigMariaDbReady {
    param($Rig)
    $null = Invoke-RigSql -ConnectionString $Rig.ConnectionString -Sql 'SELECT 1' -Quiet
    $LASTEXITCODE -eq 0
}

function Stop-RigMariaDb {
    <#
    .SYNOPSIS
    Stops a rig MariaDB started by Start-RigMariaDb and removes its data directory; a server the rig did not start is left alone.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Rig)
    if (-not $Rig.Owned) { return }
    if ($Rig.Process -and -not $Rig.Process.HasExited) {
        # SIGTERM lets MariaDB shut down cleanly; kill only if it hangs.
        & kill -TERM $Rig.Process.Id 2>$null
        if (-not $Rig.Process.WaitForExit(20000)) { $Rig.Process.Kill(); $Rig.Process.WaitForExit(5000) | Out-Null }
    }
    if ($Rig.Directory -and (Test-Path $Rig.Directory)) { Remove-Item -Recurse -Force $Rig.Directory -ErrorAction SilentlyContinue }
}

function ConvertFrom-RigConnectionString {
    param([Parameter(Mandatory)][string] $ConnectionString)
    $builder = [System.Data.Common.DbConnectionStringBuilder]::new()
    # DbConnectionStringBuilder is a dictionary: PowerShell would treat .ConnectionString as a key, so call the setter.
    $builder.set_ConnectionString($ConnectionString)
    function Get-Key([string[]] $names, $default) {
        foreach ($n in $names) { if ($builder.ContainsKey($n)) { return [string]$builder[$n] } }
        $default
    }
    [pscustomobject]@{
        Server   = Get-Key 'Server', 'Host', 'Data Source', 'DataSource' '127.0.0.1'
        Port     = [int](Get-Key 'Port' 3306)
        UserName = Get-Key 'User ID', 'UserID', 'Uid', 'User', 'Username', 'User Name' 'root'
        Password = Get-Key 'Password', 'Pwd' ''
        Database = Get-Key 'Database', 'Initial Catalog' ''
    }
}

function Invoke-RigSql {
    <#
    .SYNOPSIS
    Runs SQL (text or a file) through the mariadb command-line client against the rig server; returns the rows as text.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $ConnectionString,
        [string] $Sql,
        [string] $File,
        [string] $Database,
        [switch] $Quiet
    )
    $target = ConvertFrom-RigConnectionString $ConnectionString
    $client = Find-RigExecutable 'mariadb', 'mysql'
    $arguments = @('--protocol=TCP', "--host=$($target.Server)", "--port=$($target.Port)", "--user=$($target.UserName)",
        '--batch', '--skip-column-names', '--default-character-set=utf8mb4')
    if ($Database) { $arguments += "--database=$Database" } elseif ($target.Database) { $arguments += "--database=$($target.Database)" }
    if ($File) { $arguments += @('-e', "source $File") } else { $arguments += @('-e', $Sql) }
    # The password travels in the environment of the child only, never on its command line.
    $previous = $env:MYSQL_PWD
    $env:MYSQL_PWD = $target.Password
    try {
        if ($Quiet) { & $client @arguments 2>$null } else { & $client @arguments }
    }
    finally { $env:MYSQL_PWD = $previous }
}

function Get-RigSchemaScript {
    <#
    .SYNOPSIS
    The upstream schema files in name order, with DEFINER clauses removed so any user can load them.
    #>
    $source = Get-RigFixtureDirectory
    # One cache per fixture folder (and per user), so parallel checkouts never rewrite each other's files.
    $key = [Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($source))).Substring(0, 12)
    $cache = Join-Path ([System.IO.Path]::GetTempPath()) "sendense-schema-$key-$(& id -u)"
    New-Item -ItemType Directory -Path $cache -Force | Out-Null
    foreach ($file in Get-ChildItem -Path $source -Filter '*.sql' | Sort-Object Name) {
        $target = Join-Path $cache $file.Name
        if (-not (Test-Path $target) -or (Get-Item $target).LastWriteTimeUtc -lt $file.LastWriteTimeUtc) {
            $text = [System.IO.File]::ReadAllText($file.FullName)
            $text = [regex]::Replace($text, 'DEFINER=`[^`]*`@`[^`]*`', '')
            # Write aside and move, so a concurrent reader never sees a half-written file.
            $temporary = "$target.$PID.tmp"
            [System.IO.File]::WriteAllText($temporary, $text)
            Move-Item -Path $temporary -Destination $target -Force
        }
        $target
    }
}

function New-RigHubDatabase {
    <#
    .SYNOPSIS
    Creates a fresh database loaded with the upstream hub schema; returns its name and a connection string for it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $ConnectionString,
        [string] $Name = ('sdtest_' + [guid]::NewGuid().ToString('N').Substring(0, 12)),
        [switch] $Empty,
        # Also load seed/hub-site-setup.sql: the repositories, policies and schedules a set-up hub has.
        [switch] $SiteSetup
    )
    Invoke-RigSql -ConnectionString $ConnectionString -Sql "CREATE DATABASE ``$Name`` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci" | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "Could not create database $Name." }
    if (-not $Empty) {
        foreach ($script in Get-RigSchemaScript) {
            Invoke-RigSql -ConnectionString $ConnectionString -Database $Name -File $script | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "Loading $script into $Name failed." }
        }
        if ($SiteSetup) {
            Invoke-RigSql -ConnectionString $ConnectionString -Database $Name -File (Join-Path $PSScriptRoot 'seed/hub-site-setup.sql') | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "Loading the site setup into $Name failed." }
        }
    }
    $target = ConvertFrom-RigConnectionString $ConnectionString
    [pscustomobject]@{
        Name             = $Name
        Server           = $target.Server
        Port             = $target.Port
        UserName         = $target.UserName
        Credential       = [pscredential]::new($target.UserName, (ConvertTo-SecureString $target.Password -AsPlainText -Force))
        ConnectionString = "$ConnectionString;Database=$Name"
    }
}

function Remove-RigHubDatabase {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ConnectionString, [Parameter(Mandatory)][string] $Name)
    Invoke-RigSql -ConnectionString $ConnectionString -Sql "DROP DATABASE IF EXISTS ``$Name``" -Quiet | Out-Null
}

function Get-RigSimulatorPath {
    if ($env:SENDENSE_VCSIM_LAUNCHER) { return $env:SENDENSE_VCSIM_LAUNCHER }
    Join-Path $script:RepoRoot 'out/tools/vcsim-launcher'
}

function Build-RigSimulator {
    <# .SYNOPSIS Builds the simulator launcher (tests/tools/vcsim) over Debian's govmomi source. #>
    [CmdletBinding()]
    param([string] $OutputPath = (Join-Path $script:RepoRoot 'out/tools/vcsim-launcher'))
    Build-RigGoProgram -SourceDirectory (Join-Path $script:RepoRoot 'tests/tools/vcsim') -OutputPath $OutputPath -NeedsGovmomi
}

function Build-RigGoProgram {
    <#
    .SYNOPSIS
    Builds a Go program of this repository in GOPATH mode over Debian's packages (no module download), when the
    binary is missing or older than its sources; returns the binary's path. The rig's three Go programs (simulator
    launcher, govmomi peer, credential cipher) all build this way.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $SourceDirectory,
        [Parameter(Mandatory)][string] $OutputPath,
        [switch] $NeedsGovmomi
    )
    Install-RigPrerequisite -Component $(if ($NeedsGovmomi) { @('Go', 'Govmomi') } else { @('Go') })
    $newestSource = (Get-ChildItem $SourceDirectory -Filter '*.go' | Measure-Object -Property LastWriteTimeUtc -Maximum).Maximum
    if ((Test-Path $OutputPath) -and (Get-Item $OutputPath).LastWriteTimeUtc -gt $newestSource) { return $OutputPath }

    New-Item -ItemType Directory -Path (Split-Path $OutputPath) -Force | Out-Null
    $go = Find-RigExecutable 'go'
    $saved = @{ GO111MODULE = $env:GO111MODULE; GOPATH = $env:GOPATH; GOFLAGS = $env:GOFLAGS; GOCACHE = $env:GOCACHE }
    $env:GO111MODULE = 'off'
    $env:GOPATH = '/usr/share/gocode'
    $env:GOFLAGS = ''
    if (-not $env:GOCACHE) { $env:GOCACHE = Join-Path $script:RepoRoot 'out/tools/gocache' }
    Push-Location $SourceDirectory
    try {
        & $go build -o $OutputPath .
        if ($LASTEXITCODE -ne 0) { throw "Building $SourceDirectory failed (go build exit $LASTEXITCODE)." }
    }
    finally {
        Pop-Location
        foreach ($key in $saved.Keys) {
            if ($null -eq $saved[$key]) { Remove-Item "env:$key" -ErrorAction SilentlyContinue } else { Set-Item "env:$key" -Value $saved[$key] }
        }
    }
    $OutputPath
}

function Get-RigCredCryptPath {
    if ($env:SENDENSE_CREDCRYPT) { return $env:SENDENSE_CREDCRYPT }
    Join-Path $script:RepoRoot 'out/tools/credcrypt'
}

function Build-RigCredCrypt {
    <#
    .SYNOPSIS
    Builds tests/tools/credcrypt, the hub's credential cipher in Go's standard library (the independent
    implementation the credential tests check the module against).
    #>
    [CmdletBinding()]
    param([string] $OutputPath = (Join-Path $script:RepoRoot 'out/tools/credcrypt'))
    Build-RigGoProgram -SourceDirectory (Join-Path $script:RepoRoot 'tests/tools/credcrypt') -OutputPath $OutputPath
}

function Invoke-RigCredCrypt {
    <#
    .SYNOPSIS
    Runs credcrypt: encrypts or decrypts each input line with the given base64 key (passed in the child's
    environment only); returns one output line per input line ("ERROR ..." for a value that does not decrypt).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][ValidateSet('encrypt', 'decrypt')][string] $Mode,
        [Parameter(Mandatory)][string] $Key,
        [Parameter(Mandatory)][string[]] $InputLine
    )
    $tool = Get-RigCredCryptPath
    if (-not (Test-Path $tool)) { $tool = Build-RigCredCrypt }
    $previous = $env:MIGRATEKIT_CRED_ENCRYPTION_KEY
    $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $Key
    try { $InputLine | & $tool $Mode }
    finally { $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = $previous }
}

function Start-RigSimulator {
    <#
    .SYNOPSIS
    Starts a govmomi vCenter simulator with the given topology on a free loopback port; returns its URL, host,
    credential and (with -Tls) certificate thumbprints. It exits by itself if this process dies.
    .DESCRIPTION
    With -Count, starts that many simulators of the same topology at once and returns them all when every one is
    ready (they build their inventories concurrently). With -NoWait it returns as soon as the processes run; pass
    the objects to Wait-RigSimulator (this is how Start-RigSimulators starts different topologies in parallel).
    The returned object is also the handle of the simulator's control channel: see Invoke-RigSimulatorCommand.
    #>
    [CmdletBinding()]
    param(
        [int] $Datacenter = 1,
        [int] $Cluster = 1,
        [int] $ClusterHost = 1,
        [int] $StandaloneHost = 1,
        [int] $VM = 2,
        [int] $Pool = 0,
        [int] $App = 0,
        [int] $DatacenterFolder = 0,
        [string[]] $VMFolder = @(),
        [int] $MoveEvery = 2,
        [int] $Template = 0,
        [hashtable] $Rename = @{},
        [string] $UserName = 'administrator@vsphere.local',
        [string] $Password = (New-RigSecret),
        [switch] $Tls,
        [int] $DelayMilliseconds = 0,
        # Answer the first N requests to /sdk with -FailStatus and an empty body (faults from the very first request).
        [ValidateRange(0, [int]::MaxValue)][int] $FailFirst = 0,
        [ValidateRange(100, 599)][int] $FailStatus = 503,
        [ValidateRange(1, 64)][int] $Count = 1,
        [switch] $NoWait,
        [int] $TimeoutSeconds = 120
    )
    $launcher = Get-RigSimulatorPath
    if (-not (Test-Path $launcher)) { $launcher = Build-RigSimulator }

    $arguments = [System.Collections.Generic.List[string]]::new()
    foreach ($pair in @(
            @('-dc', $Datacenter), @('-cluster', $Cluster), @('-host', $ClusterHost), @('-standalone-host', $StandaloneHost),
            @('-vm', $VM), @('-pool', $Pool), @('-app', $App), @('-folder', $DatacenterFolder), @('-move-every', $MoveEvery),
            @('-templates', $Template), @('-delay', $DelayMilliseconds), @('-fail-first', $FailFirst), @('-fail-status', $FailStatus),
            @('-username', $UserName), @('-password', $Password))) {
        $arguments.Add($pair[0]); $arguments.Add([string]$pair[1])
    }
    foreach ($folder in $VMFolder) { $arguments.Add('-vm-folder'); $arguments.Add($folder) }
    foreach ($key in $Rename.Keys) { $arguments.Add('-rename'); $arguments.Add("$key=$($Rename[$key])") }
    if ($Tls) { $arguments.Add('-tls') }
    $arguments.Add('-exit-on-eof')

    Remove-StaleRigSimulatorDirectory
    $started = [System.Collections.Generic.List[object]]::new()
    try {
        for ($i = 0; $i -lt $Count; $i++) {
            $started.Add((Start-RigSimulatorProcess -Launcher $launcher -Arguments $arguments -UserName $UserName -Password $Password -TimeoutSeconds $TimeoutSeconds))
        }
    }
    catch {
        $started | Stop-RigSimulator -Kill
        throw
    }
    if ($NoWait) { return $started.ToArray() }
    Wait-RigSimulator -Simulator $started.ToArray()
}

function Start-RigSimulators {
    <#
    .SYNOPSIS
    Starts one simulator per topology (each a hashtable of Start-RigSimulator parameters) in parallel; returns them
    in the same order once all are ready. If one fails to start, all are stopped and the error is thrown.
    .EXAMPLE
    $a, $b = Start-RigSimulators -Topology @{ VM = 500; Cluster = 4; ClusterHost = 2 }, @{ Tls = $true }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][hashtable[]] $Topology)
    $started = [System.Collections.Generic.List[object]]::new()
    try {
        foreach ($item in $Topology) {
            if ($item.ContainsKey('Count') -or $item.ContainsKey('NoWait')) { throw 'A topology of Start-RigSimulators takes neither Count nor NoWait.' }
            foreach ($simulator in (Start-RigSimulator @item -NoWait)) { $started.Add($simulator) }
        }
    }
    catch {
        $started | Stop-RigSimulator -Kill
        throw
    }
    Wait-RigSimulator -Simulator $started.ToArray()
}

function Start-RigSimulatorProcess {
    # Starts one launcher process and returns its handle, before it is ready. Its TMPDIR is a folder of its own
    # (named after this process), where the simulator keeps its datastores: removed by Stop-RigSimulator even when
    # the simulator was killed and could not clean up, or by Remove-StaleRigSimulatorDirectory once this process is gone.
    param([string] $Launcher, [System.Collections.Generic.List[string]] $Arguments, [string] $UserName, [string] $Password, [int] $TimeoutSeconds)
    $temp = Join-Path (Get-RigSimulatorTempRoot) ("sendense-vcsim-$PID-" + [guid]::NewGuid().ToString('N').Substring(0, 12))
    New-Item -ItemType Directory -Path $temp -Force | Out-Null

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($Launcher)
    foreach ($argument in $Arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.Environment['TMPDIR'] = $temp
    # Commands and answers are UTF-8 lines (names may be any Unicode); no byte-order mark before the first command.
    $startInfo.StandardInputEncoding = [System.Text.UTF8Encoding]::new($false)
    $startInfo.StandardOutputEncoding = [System.Text.UTF8Encoding]::new($false)
    try { $process = [System.Diagnostics.Process]::Start($startInfo) }
    catch { Remove-Item -Recurse -Force $temp -ErrorAction SilentlyContinue; throw }
    $process.StandardInput.AutoFlush = $true

    [pscustomobject]@{
        PSTypeName     = 'Sendense.Rig.Simulator'
        Url            = $null
        Server         = $null
        UserName       = $UserName
        Password       = $Password
        Credential     = [pscredential]::new($UserName, (ConvertTo-SecureString $Password -AsPlainText -Force))
        Sha1           = $null
        Sha256         = $null
        Process        = $process
        # The control channel: one reader of standard output for the whole life of the process (the start lines,
        # then one answer per command); a read that timed out stays pending here and its answer is skipped later.
        ReadTask       = $null
        StaleAnswers   = 0
        Gate           = [System.Threading.SemaphoreSlim]::new(1, 1)
        ErrorTask      = $process.StandardError.ReadToEndAsync()
        TempDirectory  = $temp
        Deadline       = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        TimeoutSeconds = $TimeoutSeconds
    }
}

function Read-RigSimulatorLine {
    # The next line of the simulator's standard output: @{ Line; TimedOut }; Line is $null at end of stream.
    param($Simulator, [int] $TimeoutMilliseconds)
    if ($null -eq $Simulator.ReadTask) { $Simulator.ReadTask = $Simulator.Process.StandardOutput.ReadLineAsync() }
    if (-not $Simulator.ReadTask.Wait([Math]::Max(1, $TimeoutMilliseconds))) { return @{ Line = $null; TimedOut = $true } }
    $line = $Simulator.ReadTask.Result
    $Simulator.ReadTask = $null
    @{ Line = $line; TimedOut = $false }
}

function Wait-RigSimulator {
    <#
    .SYNOPSIS
    Waits until simulators started with Start-RigSimulator -NoWait are ready; returns them. If one fails, all of them
    are stopped and the error is thrown.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)][object[]] $Simulator)
    begin { $all = [System.Collections.Generic.List[object]]::new() }
    process { foreach ($item in $Simulator) { $all.Add($item) } }
    end {
        try {
            foreach ($item in $all) {
                if ($item.Url) { continue }
                $values = @{}
                while ($true) {
                    $remaining = [int][Math]::Max(1, ($item.Deadline - [DateTime]::UtcNow).TotalMilliseconds)
                    $read = Read-RigSimulatorLine $item $remaining
                    if ($read.TimedOut) { throw "The vCenter simulator did not start within $($item.TimeoutSeconds) s." }
                    if ($null -eq $read.Line) {
                        $item.Process.WaitForExit(5000) | Out-Null
                        throw "The vCenter simulator exited during start: $($item.ErrorTask.Result)"
                    }
                    if ($read.Line -eq 'VCSIM_READY') { break }
                    $parts = $read.Line.Split('=', 2)
                    if ($parts.Count -eq 2) { $values[$parts[0]] = $parts[1] }
                }
                $url = [uri]$values['VCSIM_URL']
                $item.Url = $url.AbsoluteUri
                $item.Server = "$($url.Host):$($url.Port)"
                $item.Sha1 = $values['VCSIM_SHA1']
                $item.Sha256 = $values['VCSIM_SHA256']
            }
        }
        catch {
            $all | Stop-RigSimulator -Kill
            throw
        }
        $all.ToArray()
    }
}

function Stop-RigSimulator {
    <#
    .SYNOPSIS
    Stops a simulator: closes its standard input, which makes it clean up and exit. -Kill sends SIGKILL instead (the
    "vCenter died mid-run" case: no clean-up, connections reset). Either way its temporary folder is removed.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Simulator, [switch] $Kill)
    process {
        $process = $Simulator.Process
        if ($process -and -not $process.HasExited) {
            if ($Kill) {
                $process.Kill()
                $process.WaitForExit(10000) | Out-Null
            }
            else {
                try { $process.StandardInput.Close() } catch { }
                if (-not $process.WaitForExit(5000)) { $process.Kill(); $process.WaitForExit(5000) | Out-Null }
            }
        }
        $temp = $Simulator.PSObject.Properties['TempDirectory']
        if ($temp -and $temp.Value -and (Test-Path $temp.Value)) { Remove-Item -Recurse -Force $temp.Value -ErrorAction SilentlyContinue }
    }
}

function Get-RigSimulatorTempRoot {
    # Where simulators keep their datastores: the simulator writes some six small files per VM and deletes them on
    # exit, which on a disk file system costs seconds of system time per 2,500 VMs (measured: 8.6 s to ready on ext4,
    # 2.9 s on tmpfs). So tmpfs (/dev/shm) when it has room (about 4 KB per file: 10 MB per 2,500 VMs), else the
    # system's temporary folder; SENDENSE_VCSIM_TMPDIR overrides both.
    if ($env:SENDENSE_VCSIM_TMPDIR) { return $env:SENDENSE_VCSIM_TMPDIR }
    $shm = '/dev/shm'
    try {
        if ((Test-Path $shm -PathType Container) -and [System.IO.DriveInfo]::new($shm).AvailableFreeSpace -ge 512MB) { return $shm }
    }
    catch { }
    [System.IO.Path]::GetTempPath()
}

function Remove-StaleRigSimulatorDirectory {
    # Temporary folders of simulators whose owning process is gone (a killed test run): the simulators themselves
    # exited when their standard input closed.
    $roots = @(Get-RigSimulatorTempRoot) + [System.IO.Path]::GetTempPath() | Select-Object -Unique
    foreach ($dir in Get-ChildItem -Path $roots -Directory -Filter 'sendense-vcsim-*' -ErrorAction SilentlyContinue) {
        if ($dir.Name -match '^sendense-vcsim-(\d+)-' -and -not (Get-Process -Id ([int]$Matches[1]) -ErrorAction SilentlyContinue)) {
            Remove-Item -Recurse -Force $dir.FullName -ErrorAction SilentlyContinue
        }
    }
}

function Invoke-RigSimulatorCommand {
    <#
    .SYNOPSIS
    Sends one command over a simulator's control channel (tests/tools/vcsim/control.go) and returns the answer, parsed
    from JSON; throws on ERR, on timeout, or when the simulator has exited.
    .DESCRIPTION
    -Command with one element is sent as the line it is ('info DC0_H0_VM0'; percent-encode blanks: 'info web%2001').
    With several elements it is sent as a JSON array, so names need no escaping: -Command 'rename', 'App & DB', 'web 01'.
    -Raw returns the answer line as it came ("OK {...}").
    .EXAMPLE
    Invoke-RigSimulatorCommand -Simulator $sim -Command 'fail 2 503'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Simulator,
        [Parameter(Mandatory, Position = 1)][object[]] $Command,
        [int] $TimeoutSeconds = 60,
        [switch] $Raw
    )
    $line = if ($Command.Count -eq 1) { [string]$Command[0] } else {
        ConvertTo-Json -InputObject @($Command | ForEach-Object { [string]$_ }) -Compress
    }
    if ($line -match '[\r\n]') { throw 'A simulator command is one line: it must not contain a line break (send names in the array form).' }
    if ([string]::IsNullOrWhiteSpace($line)) { throw 'The simulator command is empty.' }
    $process = $Simulator.Process
    if ($process.HasExited) { throw "The vCenter simulator has exited (exit code $($process.ExitCode)): $($Simulator.ErrorTask.Result)" }
    # Before VCSIM_READY the channel still carries the start lines: a command now would read them as its answer.
    if (-not $Simulator.Url) { throw 'The vCenter simulator is not ready yet: pass it to Wait-RigSimulator first.' }

    $timeout = $TimeoutSeconds * 1000
    if (-not $Simulator.Gate.Wait($timeout)) { throw "The vCenter simulator's control channel stayed busy for $TimeoutSeconds s." }
    try {
        # Answers of commands that timed out earlier arrive first: skip them, in order.
        while ($Simulator.StaleAnswers -gt 0) {
            $read = Read-RigSimulatorLine $Simulator $timeout
            if ($read.TimedOut) { throw "The vCenter simulator still has not answered an earlier command after $TimeoutSeconds s more." }
            if ($null -eq $read.Line) { throw "The vCenter simulator has exited: $($Simulator.ErrorTask.Result)" }
            $Simulator.StaleAnswers--
        }
        try { $process.StandardInput.WriteLine($line) }
        catch [System.IO.IOException] { throw "The vCenter simulator's control channel is closed: $($_.Exception.Message)" }
        $read = Read-RigSimulatorLine $Simulator $timeout
        if ($read.TimedOut) {
            $Simulator.StaleAnswers++
            throw "The vCenter simulator did not answer '$line' within $TimeoutSeconds s."
        }
        if ($null -eq $read.Line) {
            $process.WaitForExit(5000) | Out-Null
            throw "The vCenter simulator exited instead of answering '$line': $($Simulator.ErrorTask.Result)"
        }
    }
    finally { $Simulator.Gate.Release() | Out-Null }

    $answer = $read.Line
    if ($answer.StartsWith('ERR ')) { throw "The vCenter simulator refused '$line': $($answer.Substring(4))" }
    if (-not $answer.StartsWith('OK')) { throw "The vCenter simulator answered '$line' with an unexpected line: $answer" }
    if ($Raw) { return $answer }
    $payload = $answer.Substring(2).Trim()
    if ($payload) { $payload | ConvertFrom-Json }
}

function Get-RigVMInfo {
    <#
    .SYNOPSIS
    What the simulator holds for one VM (by name or moref): moref, name, biosUuid (config.uuid), instanceUuid,
    powerState, numCpu, memoryMB, template, disks (key, label, capacityKB, capacityBytes, fileName, thin, ...).
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator, [Parameter(Mandatory, Position = 1)][string] $Name)
    Invoke-RigSimulatorCommand $Simulator 'info', $Name
}

function Get-RigVM {
    <# .SYNOPSIS Every VM (and template) of the simulator: moref and name. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    (Invoke-RigSimulatorCommand $Simulator 'list').vms
}

function Rename-RigVM {
    <# .SYNOPSIS Renames a VM in the simulator (Rename_Task). #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator, [Parameter(Mandatory)][string] $Name, [Parameter(Mandatory)][string] $NewName)
    Invoke-RigSimulatorCommand $Simulator 'rename', $Name, $NewName
}

function Set-RigVMPowerState {
    <# .SYNOPSIS Powers a VM on or off, or suspends it; a VM already in that state is left alone (changed: false). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Simulator,
        [Parameter(Mandatory)][string] $Name,
        [Parameter(Mandatory)][ValidateSet('PoweredOn', 'PoweredOff', 'Suspended')][string] $State
    )
    $verb = @{ PoweredOn = 'poweron'; PoweredOff = 'poweroff'; Suspended = 'suspend' }[$State]
    Invoke-RigSimulatorCommand $Simulator $verb, $Name
}

function Set-RigVMSize {
    <# .SYNOPSIS Changes a VM's CPU count and memory (ReconfigVM_Task). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Simulator,
        [Parameter(Mandatory)][string] $Name,
        [Parameter(Mandatory)][ValidateRange(1, 768)][int] $NumCpu,
        [Parameter(Mandatory)][ValidateRange(1, [int]::MaxValue)][int] $MemoryMB
    )
    Invoke-RigSimulatorCommand $Simulator 'resize', $Name, $NumCpu, $MemoryMB
}

function Add-RigVMDisk {
    <# .SYNOPSIS Adds a thin disk of -SizeMB on the VM's SCSI controller; returns its key, label, capacityKB and fileName. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Simulator,
        [Parameter(Mandatory)][string] $Name,
        [Parameter(Mandatory)][ValidateRange(1, [int]::MaxValue)][int] $SizeMB
    )
    Invoke-RigSimulatorCommand $Simulator 'adddisk', $Name, $SizeMB
}

function Remove-RigVMDisk {
    <# .SYNOPSIS Removes a disk (by label or device key) from a VM; its files are deleted unless -KeepFiles. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Simulator,
        [Parameter(Mandatory)][string] $Name,
        [Parameter(Mandatory)][string] $Disk,
        [switch] $KeepFiles
    )
    Invoke-RigSimulatorCommand $Simulator 'removedisk', $Name, $Disk, $(if ($KeepFiles) { 'keep' } else { 'delete' })
}

function Remove-RigVM {
    <# .SYNOPSIS Deletes a VM from the simulator's inventory (powers it off first when it runs, then Destroy_Task). #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator, [Parameter(Mandatory)][string] $Name)
    Invoke-RigSimulatorCommand $Simulator 'destroy', $Name
}

function Set-RigSimulatorFault {
    <#
    .SYNOPSIS
    Makes the simulator misbehave for the client under test: -Count/-Status answers the next N requests to /sdk with
    that HTTP status and an empty body; -FreezeMilliseconds holds every request for that long from now;
    -DelayMilliseconds adds latency to every request from now on (0 removes it). Returns the fault statistics.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Simulator,
        [ValidateRange(0, [int]::MaxValue)][int] $Count,
        [ValidateRange(100, 599)][int] $Status = 503,
        [ValidateRange(0, [int]::MaxValue)][int] $FreezeMilliseconds,
        [ValidateRange(0, [int]::MaxValue)][int] $DelayMilliseconds
    )
    $result = $null
    if ($PSBoundParameters.ContainsKey('Count')) { $result = Invoke-RigSimulatorCommand $Simulator 'fail', $Count, $Status }
    if ($PSBoundParameters.ContainsKey('DelayMilliseconds')) { $result = Invoke-RigSimulatorCommand $Simulator 'delay', $DelayMilliseconds }
    if ($PSBoundParameters.ContainsKey('FreezeMilliseconds')) { $result = Invoke-RigSimulatorCommand $Simulator 'freeze', $FreezeMilliseconds }
    if ($null -eq $result) { throw 'Give -Count (with -Status), -FreezeMilliseconds or -DelayMilliseconds.' }
    $result
}

function Get-RigSimulatorStatistic {
    <#
    .SYNOPSIS
    Requests of the client under test seen by the simulator's fault layer: requests, failed (answered with an injected
    status), failLeft, failStatus, delayMs, frozenMs.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    Invoke-RigSimulatorCommand $Simulator 'stats'
}

function Build-RigGovmomiDiscovery {
    <#
    .SYNOPSIS
    Builds bench/govmomi-discovery (the govmomi peer of Invoke-SendenseVMDiscovery, used by the Discovery tests and
    benchmark) over Debian's govmomi source.
    #>
    [CmdletBinding()]
    param([string] $OutputPath = (Join-Path $script:RepoRoot 'out/tools/govmomi-discovery'))
    Build-RigGoProgram -SourceDirectory (Join-Path $script:RepoRoot 'bench/govmomi-discovery') -OutputPath $OutputPath -NeedsGovmomi
}

Export-ModuleMember -Function Get-RigRepositoryRoot, Get-RigFixtureDirectory, Install-RigPrerequisite, Remove-StaleRig,
    Start-RigMariaDb, Stop-RigMariaDb, Invoke-RigSql, ConvertFrom-RigConnectionString, Get-RigSchemaScript,
    New-RigHubDatabase, Remove-RigHubDatabase, Get-RigSimulatorPath, Build-RigSimulator, Build-RigGoProgram, Build-RigGovmomiDiscovery, Start-RigSimulator,
    Stop-RigSimulator, Get-RigFreePort, New-RigSecret, Get-RigCredCryptPath, Build-RigCredCrypt, Invoke-RigCredCrypt,
    Start-RigSimulators, Wait-RigSimulator, Invoke-RigSimulatorCommand, Get-RigVMInfo, Get-RigVM, Rename-RigVM, Set-RigVMPowerState,
    Set-RigVMSize, Add-RigVMDisk, Remove-RigVMDisk, Remove-RigVM, Set-RigSimulatorFault, Get-RigSimulatorStatistic
