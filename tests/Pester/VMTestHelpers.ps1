# Helpers for the VM management suites: discovered VMs shaped like the govmomi simulator's, built directly
# (discovery is its own component; these suites are about what the hub gets), and child pwsh processes.

function New-TestDiscoveredVM {
    param(
        [Parameter(Mandatory)][string] $Name,
        [string] $VCenter = 'vcsim.lab.local',
        [string] $Datacenter = 'DC0',
        [string] $BiosUuid,
        [string] $GuestOS = 'Ubuntu Linux (64-bit)',
        [string] $PowerState = 'poweredOn',
        [int] $Disks = 2
    )
    if (-not $BiosUuid) {
        $hash = [System.Security.Cryptography.MD5]::HashData([System.Text.Encoding]::UTF8.GetBytes("$VCenter/$Name"))
        $BiosUuid = [guid]::new($hash).ToString()
    }
    $vm = [Sendense.DiscoveredVM]::new()
    $vm.VCenter = $VCenter
    $vm.Datacenter = $Datacenter
    $vm.Path = "/$Datacenter/vm/$Name"
    $vm.Name = $Name
    $vm.InventoryName = $Name
    $vm.MoRef = 'vm-' + ([Math]::Abs($Name.GetHashCode()) % 100000)
    $vm.BiosUuid = $BiosUuid
    $vm.PowerState = $PowerState
    $vm.GuestOS = $GuestOS
    $vm.NumCpu = 2
    $vm.MemoryMB = 4096
    $vm.HardwareVersion = 'vmx-19'
    $vm.Host = 'DC0_C0_H0'
    $vm.Cluster = 'DC0_C0'
    $vm.Disks = @(for ($i = 0; $i -lt $Disks; $i++) {
            $disk = [Sendense.DiscoveredDisk]::new()
            $disk.Key = 2000 + $i
            $disk.Label = "Hard disk $($i + 1)"
            $disk.CapacityBytes = ($i + 1) * 10GB
            $disk.Datastore = 'LocalDS_0'
            $disk.FileName = "[LocalDS_0] $Name/$Name$(if ($i) { "_$i" }).vmdk"
            $disk.ThinProvisioned = ($i % 2 -eq 0)
            $disk.ControllerKey = 1000
            $disk.UnitNumber = $i
            $disk
        })
    $vm
}

function Get-TestSqlValue {
    <# The first column of the first row, through the rig's mariadb client. #>
    param([Parameter(Mandatory)] $Database, [Parameter(Mandatory)][string] $Sql)
    $rows = Invoke-RigSql -ConnectionString $env:SENDENSE_TEST_MYSQL -Database $Database.Name -Sql $Sql
    if ($LASTEXITCODE -ne 0) { throw "SQL failed: $Sql" }
    @($rows)[0]
}

function Start-TestPwsh {
    <#
    Starts a script file in a fresh pwsh with extra environment variables (so secrets never appear on a command
    line); returns the Process with output and error redirected.
    #>
    param([Parameter(Mandatory)][string] $File, [hashtable] $Environment = @{}, [string[]] $Arguments = @())
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @('pwsh', '-NoProfile', '-NonInteractive', '-File', $File) + $Arguments) { $start.ArgumentList.Add($argument) }
    $start.WorkingDirectory = $script:RepoRoot
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    foreach ($key in $Environment.Keys) { $start.Environment[$key] = [string]$Environment[$key] }
    $process = [System.Diagnostics.Process]::Start($start)
    # Drain both streams as they come, so a chatty child never blocks on a full pipe.
    $process | Add-Member -NotePropertyName StdOut -NotePropertyValue $process.StandardOutput.ReadToEndAsync()
    $process | Add-Member -NotePropertyName StdErr -NotePropertyValue $process.StandardError.ReadToEndAsync()
    $process
}

function Wait-TestFile {
    param([Parameter(Mandatory)][string[]] $Path, [int] $TimeoutSeconds = 60)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (@($Path | Where-Object { -not (Test-Path $_) }).Count -gt 0) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out waiting for $($Path -join ', ')." }
        Start-Sleep -Milliseconds 50
    }
}

function Start-TestRowLock {
    <#
    Another client (the mariadb command-line client) that adds one managed VM and then holds its row FOR UPDATE in an
    open transaction for $Seconds, as a forgotten session would. Returns the holder's Process and the VM's context id.
    #>
    param([Parameter(Mandatory)] $HubDatabase, [Parameter(Mandatory)][string] $Name, [Parameter(Mandatory)][string] $VCenter, [int] $Seconds = 60)
    (New-TestDiscoveredVM -Name $Name -VCenter $VCenter) | Add-SendenseVM | Out-Null
    $anchor = Get-TestSqlValue $HubDatabase "SELECT context_id FROM vm_replication_contexts WHERE vm_name = '$Name'"
    $client = Get-Command mariadb, mysql -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $target = ConvertFrom-RigConnectionString $env:SENDENSE_TEST_MYSQL
    $lock = [System.Diagnostics.ProcessStartInfo]::new($client.Source)
    foreach ($argument in '--protocol=TCP', "--host=$($target.Server)", "--port=$($target.Port)", "--user=$($target.UserName)", "--database=$($HubDatabase.Name)",
        '-e', "START TRANSACTION; SELECT context_id FROM vm_replication_contexts WHERE context_id = '$anchor' FOR UPDATE; SELECT SLEEP($Seconds);") { $lock.ArgumentList.Add($argument) }
    $lock.Environment['MYSQL_PWD'] = $target.Password
    $lock.UseShellExecute = $false
    $lock.RedirectStandardOutput = $true
    [pscustomobject]@{ Process = [System.Diagnostics.Process]::Start($lock); ContextId = $anchor }
}
