<#
.SYNOPSIS
Discovery of 10,000 simulator VMs with the full property set, side by side in one run: Invoke-SendenseVMDiscovery end
to end in a fresh pwsh (`... | Measure-Object`), the govmomi peer program (bench/govmomi-discovery, -mode bench:
one container view, RetrievePropertiesEx + ContinueRetrievePropertiesEx, decoded into mo.VirtualMachine) and a raw
curl of the same SOAP request (the transfer alone, nothing parsed). Invoke-SendenseVMDiscovery also runs with a hub
connected that manages all 10,000 VMs (the IsManaged lookup; issue 13 asks it to cost at most 15% of the sweep).
Medians of -Rounds interleaved rounds.

.NOTES
The 10k simulator takes ~8 s and ~320 MB to start: run this sparingly. Plain http, as in vsphere-discovery.md, so the
three clients are compared on the same wire without TLS costs in the way.
#>
# Five runs per call: a fresh pwsh here spreads by about 15 % from one run to the next (2 shared cores, the simulator
# on them too), and three runs left the median at the mercy of one slow process.
# With -BaselineResultPath (build.ps1 -Task Bench -BenchBaseline), the module of SENDENSE_BENCH_BASELINE_MODULE runs in
# the same rounds against the same simulator, each round's two processes in turn (-BaselineFirst swaps them): the
# simulator is the larger part of a sweep's time, and two simulators started one after another answered the same
# sweep up to 15 % apart (the govmomi peer, whose code never changes, moved by as much as the module did).
param([Parameter(Mandatory)][string] $ResultPath, [int] $Rounds = 5, [string] $BaselineResultPath, [switch] $BaselineFirst)
$ErrorActionPreference = 'Stop'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
Import-Module (Join-Path $repoRoot 'tests/tools/TestRig.psm1') -Force
$module = Get-BenchModulePath
$sides = [System.Collections.Generic.List[hashtable]]::new()
$sides.Add(@{ Module = $module; Path = $ResultPath })
if ($BaselineResultPath) {
    if (-not $env:SENDENSE_BENCH_BASELINE_MODULE) { throw '-BaselineResultPath needs SENDENSE_BENCH_BASELINE_MODULE.' }
    $sides.Insert($(if ($BaselineFirst) { 0 } else { 1 }), @{ Module = $env:SENDENSE_BENCH_BASELINE_MODULE; Path = $BaselineResultPath })
}
foreach ($side in $sides) { $side.Seconds = @(); $side.Process = @(); $side.PeakMB = @(); $side.Counts = @(); $side.HubSeconds = @() }
$peer = Build-RigGovmomiDiscovery

# --- the child pwsh: import, discover, report time and peak memory of that process ------------------------------
$child = Join-Path ([IO.Path]::GetTempPath()) "sendense-discovery-bench-$PID.ps1"
@'
param([string] $Module, [string] $Url, [string] $User)
$ErrorActionPreference = 'Stop'
Import-Module $Module
# With a hub (connected before the clock starts, as in a runbook): every VM gets IsManaged and ContextId.
if ($env:SENDENSE_BENCH_HUB) { Connect-SendenseHub -ConnectionString $env:SENDENSE_BENCH_HUB | Out-Null }
$credential = [pscredential]::new($User, (ConvertTo-SecureString $env:SENDENSE_BENCH_PASSWORD -AsPlainText -Force))
# The simulator serves plain http, which needs the opt-in (D1); a baseline module from before it has no such switch.
$plainHttp = @{}
if ((Get-Command Invoke-SendenseVMDiscovery).Parameters.ContainsKey('AllowInsecureHttp')) { $plainHttp = @{ AllowInsecureHttp = $true; WarningAction = 'SilentlyContinue' } }
$watch = [Diagnostics.Stopwatch]::StartNew()
$measure = Invoke-SendenseVMDiscovery -VCenter $Url -Credential $credential @plainHttp | Measure-Object
$watch.Stop()
$hwm = (Get-Content /proc/self/status | Where-Object { $_ -like 'VmHWM:*' }) -replace '\D', ''
[pscustomobject]@{
    Count   = $measure.Count
    Seconds = $watch.Elapsed.TotalSeconds
    PeakMB  = [double]$hwm / 1024
    PeakWorkingSetMB = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB
} | ConvertTo-Json -Compress
'@ | Set-Content -Path $child

$sim = $null
Push-Location $repoRoot   # where the pinned PowerShell tool (dotnet pwsh) resolves
try {
    $startWatch = [Diagnostics.Stopwatch]::StartNew()
    $sim = Start-RigSimulator -Datacenter 2 -Cluster 5 -ClusterHost 5 -StandaloneHost 5 -VM 500 -TimeoutSeconds 300
    $simStart = $startWatch.Elapsed.TotalSeconds
    $url = $sim.Url

    # curl's session and view, made once (not timed); the timed request is the full retrieval over the view.
    function Invoke-Soap([string] $body, [string] $cookie) {
        $envelope = '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>' + $body + '</soapenv:Body></soapenv:Envelope>'
        $headers = @{}
        if ($cookie) { $headers.Cookie = "vmware_soap_session=$cookie" }
        Invoke-WebRequest -Uri $url -Method Post -Body $envelope -ContentType 'text/xml' -Headers $headers
    }
    $login = Invoke-Soap "<Login xmlns=`"urn:vim25`"><_this type=`"SessionManager`">SessionManager</_this><userName>$([Security.SecurityElement]::Escape($sim.UserName))</userName><password>$([Security.SecurityElement]::Escape($sim.Password))</password></Login>"
    $cookie = ([string]$login.Headers['Set-Cookie']) -replace '^vmware_soap_session="?([^";]+).*$', '$1'
    $types = 'Folder', 'Datacenter', 'VirtualApp', 'ComputeResource', 'HostSystem', 'Network', 'VirtualMachine' | ForEach-Object { "<type>$_</type>" }
    $viewResponse = Invoke-Soap ('<CreateContainerView xmlns="urn:vim25"><_this type="ViewManager">ViewManager</_this><container type="Folder">group-d1</container>' + ($types -join '') + '<recursive>true</recursive></CreateContainerView>') $cookie
    $view = [regex]::Match($viewResponse.Content, '<returnval type="ContainerView">([^<]+)</returnval>').Groups[1].Value
    $vmPaths = 'name', 'parent', 'parentVApp', 'config.uuid', 'config.instanceUuid', 'config.template', 'config.guestFullName', 'config.version',
        'config.hardware.numCPU', 'config.hardware.memoryMB', 'config.hardware.device', 'runtime.powerState', 'runtime.connectionState', 'runtime.host',
        'guest.guestFullName', 'guest.ipAddress'
    $propSets = @("<propSet><type>VirtualMachine</type>$(($vmPaths | ForEach-Object { "<pathSet>$_</pathSet>" }) -join '')</propSet>")
    foreach ($type in 'Folder', 'Datacenter', 'ComputeResource', 'HostSystem') { $propSets += "<propSet><type>$type</type><pathSet>name</pathSet><pathSet>parent</pathSet></propSet>" }
    $propSets += '<propSet><type>VirtualApp</type><pathSet>name</pathSet><pathSet>parent</pathSet><pathSet>parentFolder</pathSet><pathSet>parentVApp</pathSet></propSet>'
    $propSets += '<propSet><type>Network</type><pathSet>name</pathSet></propSet>'
    $request = Join-Path ([IO.Path]::GetTempPath()) "sendense-discovery-bench-$PID.xml"
    ('<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>' +
        '<RetrievePropertiesEx xmlns="urn:vim25"><_this type="PropertyCollector">propertyCollector</_this><specSet>' + ($propSets -join '') +
        "<objectSet><obj type=`"ContainerView`">$([Security.SecurityElement]::Escape($view))</obj><skip>true</skip><selectSet xsi:type=`"TraversalSpec`"><type>ContainerView</type><path>view</path><skip>false</skip></selectSet></objectSet>" +
        '</specSet><options><maxObjects>500</maxObjects></options></RetrievePropertiesEx></soapenv:Body></soapenv:Envelope>') | Set-Content -Path $request -NoNewline

    # The hub for the with-hub rounds manages every VM of the simulator (added once, not timed).
    $hubDb = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $env:SENDENSE_BENCH_PASSWORD = $sim.Password
    $env:SENDENSE_BENCH_HUB = $hubDb.ConnectionString
    try {
        & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$module'; Connect-SendenseHub -ConnectionString `$env:SENDENSE_BENCH_HUB | Out-Null; `$c = [pscredential]::new('$($sim.UserName)', (ConvertTo-SecureString `$env:SENDENSE_BENCH_PASSWORD -AsPlainText -Force)); `$p = @{}; if ((Get-Command Invoke-SendenseVMDiscovery).Parameters.ContainsKey('AllowInsecureHttp')) { `$p = @{ AllowInsecureHttp = `$true; WarningAction = 'SilentlyContinue' } }; Invoke-SendenseVMDiscovery -VCenter '$url' -Credential `$c @p | Add-SendenseVM -WarningAction SilentlyContinue | Measure-Object | ForEach-Object Count" | Out-Null
    }
    finally { Remove-Item env:SENDENSE_BENCH_PASSWORD, env:SENDENSE_BENCH_HUB -ErrorAction SilentlyContinue }
    $managed = [int](Invoke-RigSql -ConnectionString $hubDb.ConnectionString -Sql 'SELECT COUNT(*) FROM vm_replication_contexts')

    $goSeconds = @(); $goCounts = @()
    $curlSeconds = @(); $curlBytes = 0
    for ($round = 1; $round -le $Rounds; $round++) {
        # The two modules take turns going first, as the rounds of build.ps1 -Task Bench do.
        $inTurn = $sides.ToArray()
        if ($round % 2 -eq 0) { [array]::Reverse($inTurn) }
        foreach ($side in $inTurn) {
            $env:SENDENSE_BENCH_PASSWORD = $sim.Password
            try {
                $watch = [Diagnostics.Stopwatch]::StartNew()
                $line = & dotnet pwsh -NoProfile -NonInteractive -File $child -Module $side.Module -Url $url -User $sim.UserName | Select-Object -Last 1
                $side.Process += $watch.Elapsed.TotalSeconds
            }
            finally { Remove-Item env:SENDENSE_BENCH_PASSWORD -ErrorAction SilentlyContinue }
            $result = $line | ConvertFrom-Json
            $side.Seconds += $result.Seconds; $side.PeakMB += [Math]::Max($result.PeakMB, $result.PeakWorkingSetMB); $side.Counts += $result.Count

            $env:SENDENSE_BENCH_PASSWORD = $sim.Password
            $env:SENDENSE_BENCH_HUB = $hubDb.ConnectionString
            try { $withHub = & dotnet pwsh -NoProfile -NonInteractive -File $child -Module $side.Module -Url $url -User $sim.UserName | Select-Object -Last 1 | ConvertFrom-Json }
            finally { Remove-Item env:SENDENSE_BENCH_PASSWORD, env:SENDENSE_BENCH_HUB -ErrorAction SilentlyContinue }
            $side.HubSeconds += $withHub.Seconds
            Write-Host ("  round {0}, {1}: pwsh {2:N3} s ({3} VMs, {4:N0} MB peak), with hub {5:N3} s" -f
                $round, $side.Module, $result.Seconds, $result.Count, $side.PeakMB[-1], $withHub.Seconds)
        }

        $env:GOVMOMI_DISCOVERY_PASSWORD = $sim.Password
        try {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $go = & $peer -url $url -user $sim.UserName -mode bench -max 500 | ConvertFrom-Json
            $goSeconds += $watch.Elapsed.TotalSeconds
        }
        finally { Remove-Item env:GOVMOMI_DISCOVERY_PASSWORD -ErrorAction SilentlyContinue }
        $goCounts += $go.vms

        $curl = & curl -s -o /dev/null -w '%{time_total} %{size_download}' -H 'Content-Type: text/xml; charset=utf-8' -H "Cookie: vmware_soap_session=$cookie" --data-binary "@$request" $url
        $parts = $curl.Split(' ')
        $curlSeconds += [double]::Parse($parts[0], [Globalization.CultureInfo]::InvariantCulture)
        $curlBytes = [long]$parts[1]
        Write-Host ("  round {0}: govmomi {1:N3} s ({2} VMs), curl {3:N3} s" -f $round, $goSeconds[-1], $go.vms, $curlSeconds[-1])
    }
}
finally {
    Pop-Location
    if ($sim) { Stop-RigSimulator $sim }
    if ($hubDb) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $hubDb.Name }
    Remove-Item $child -ErrorAction SilentlyContinue
    if ($request) { Remove-Item $request -ErrorAction SilentlyContinue }
}

$goMedian = Get-Median $goSeconds
$curlMedian = Get-Median $curlSeconds
foreach ($side in $sides) {
    $pwshMedian = Get-Median $side.Seconds
    $peak = ($side.PeakMB | Measure-Object -Maximum).Maximum
    $hubMedian = Get-Median $side.HubSeconds
    $vsNoHub = $hubMedian / $pwshMedian
    $vsGo = $pwshMedian / $goMedian
    $vsCurl = $pwshMedian / $curlMedian
    [pscustomobject]@{
        Title       = 'VM discovery, 10,000 simulator VMs'
        Description = "govmomi vcsim 0.24.2 with 2 datacenters, 10 clusters, 60 hosts and 10,000 VMs (full property set: configuration, every device, runtime, guest), plain http on loopback. Median of $Rounds interleaved rounds; each pwsh run is a fresh process (first call, JIT included)." + $(if ($BaselineResultPath) { ' Beside the previous revision, both modules ran in the same rounds against the same simulator, one process after the other.' })
        Rows        = @(
            [pscustomobject]@{ Metric = 'VMs found by Invoke-SendenseVMDiscovery'; Value = [int]($side.Counts | Measure-Object -Minimum).Minimum; Unit = ''; Target = '10000'; Pass = (@($side.Counts | Where-Object { $_ -ne 10000 }).Count -eq 0) }
            [pscustomobject]@{ Metric = 'Invoke-SendenseVMDiscovery piped to Measure-Object (fresh pwsh, first call)'; Value = $pwshMedian; Unit = 's' }
            [pscustomobject]@{ Metric = 'the same, whole pwsh process (start, import, discover)'; Value = (Get-Median $side.Process); Unit = 's' }
            [pscustomobject]@{ Metric = "the same with a hub connected that manages all $managed VMs (IsManaged lookup)"; Value = $hubMedian; Unit = 's' }
            [pscustomobject]@{ Metric = 'with hub / without hub'; Value = $vsNoHub; Unit = 'x'; Target = '<= 1.15'; Pass = ($vsNoHub -le 1.15) }
            [pscustomobject]@{ Metric = 'govmomi 0.24.2 peer program (same properties, decoded)'; Value = $goMedian; Unit = 's' }
            [pscustomobject]@{ Metric = 'curl of the same SOAP request (transfer only)'; Value = $curlMedian; Unit = 's' }
            [pscustomobject]@{ Metric = 'pwsh time / govmomi time'; Value = $vsGo; Unit = 'x'; Target = '<= 0.5'; Pass = ($vsGo -le 0.5) }
            [pscustomobject]@{ Metric = 'pwsh time / curl time'; Value = $vsCurl; Unit = 'x'; Target = '<= 2'; Pass = ($vsCurl -le 2) }
            [pscustomobject]@{ Metric = 'peak memory of the pwsh process (VmHWM)'; Value = $peak; Unit = 'MB'; Target = '< 300 MB'; Pass = ($peak -lt 300) }
        )
        Notes       = @(
            "Response size of the single-request sweep: $([Math]::Round($curlBytes / 1MB, 1)) MB uncompressed (the simulator does not compress).",
            "Simulator start: $([Math]::Round($simStart, 1)) s. govmomi found $(($goCounts | Measure-Object -Minimum).Minimum) VMs.",
            'Sendense reads the containers and the view''s VM list first, then the VMs in batches of 500 named references with the next batch requested while one is parsed; govmomi and curl use one RetrievePropertiesEx over the view.'
        )
    } | ConvertTo-Json -Depth 5 | Set-Content -Path $side.Path
}
