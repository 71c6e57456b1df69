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
        [switch] $Empty
    )
    Invoke-RigSql -ConnectionString $ConnectionString -Sql "CREATE DATABASE ``$Name`` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci" | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "Could not create database $Name." }
    if (-not $Empty) {
        foreach ($script in Get-RigSchemaScript) {
            Invoke-RigSql -ConnectionString $ConnectionString -Database $Name -File $script | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "Loading $script into $Name failed." }
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
        [int] $TimeoutSeconds = 120
    )
    $launcher = Get-RigSimulatorPath
    if (-not (Test-Path $launcher)) { $launcher = Build-RigSimulator }

    $arguments = [System.Collections.Generic.List[string]]::new()
    foreach ($pair in @(
            @('-dc', $Datacenter), @('-cluster', $Cluster), @('-host', $ClusterHost), @('-standalone-host', $StandaloneHost),
            @('-vm', $VM), @('-pool', $Pool), @('-app', $App), @('-folder', $DatacenterFolder), @('-move-every', $MoveEvery),
            @('-templates', $Template), @('-delay', $DelayMilliseconds), @('-username', $UserName), @('-password', $Password))) {
        $arguments.Add($pair[0]); $arguments.Add([string]$pair[1])
    }
    foreach ($folder in $VMFolder) { $arguments.Add('-vm-folder'); $arguments.Add($folder) }
    foreach ($key in $Rename.Keys) { $arguments.Add('-rename'); $arguments.Add("$key=$($Rename[$key])") }
    if ($Tls) { $arguments.Add('-tls') }
    $arguments.Add('-exit-on-eof')

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($launcher)
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $errorTask = $process.StandardError.ReadToEndAsync()

    $values = @{}
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $lineTask = $process.StandardOutput.ReadLineAsync()
        $remaining = [int][Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $lineTask.Wait($remaining)) {
            $process.Kill(); throw "The vCenter simulator did not start within $TimeoutSeconds s."
        }
        $line = $lineTask.Result
        if ($null -eq $line) {
            $process.WaitForExit(5000) | Out-Null
            throw "The vCenter simulator exited during start: $($errorTask.Result)"
        }
        if ($line -eq 'VCSIM_READY') { break }
        $parts = $line.Split('=', 2)
        if ($parts.Count -eq 2) { $values[$parts[0]] = $parts[1] }
    }

    $url = [uri]$values['VCSIM_URL']
    [pscustomobject]@{
        Url            = $url.AbsoluteUri
        Server         = "$($url.Host):$($url.Port)"
        UserName       = $UserName
        Password       = $Password
        Credential     = [pscredential]::new($UserName, (ConvertTo-SecureString $Password -AsPlainText -Force))
        Sha1           = $values['VCSIM_SHA1']
        Sha256         = $values['VCSIM_SHA256']
        Process        = $process
    }
}

function Stop-RigSimulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Simulator)
    process {
        $process = $Simulator.Process
        if ($process -and -not $process.HasExited) {
            try { $process.StandardInput.Close() } catch { }
            if (-not $process.WaitForExit(5000)) { $process.Kill(); $process.WaitForExit(5000) | Out-Null }
        }
    }
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
    Stop-RigSimulator, Get-RigFreePort, New-RigSecret, Get-RigCredCryptPath, Build-RigCredCrypt, Invoke-RigCredCrypt
