# Helpers for the protection group suites (one file per cmdlet): the built module against a fresh hub database with
# the upstream schema on the rig's real MariaDB. VM contexts are seeded with SQL exactly as the hub's
# add-to-management code writes them (contract 3.3). Each suite starts with
#   BeforeAll { . (Join-Path $PSScriptRoot 'GroupTestHelpers.ps1'); Initialize-GroupSuite }
#   AfterAll { Clear-GroupSuite }

. (Join-Path $PSScriptRoot 'Common.ps1')

function Initialize-GroupSuite {
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    $script:Hub = Connect-SendenseHub -ConnectionString $script:Db.ConnectionString
    $script:Stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
    $script:Cmd = 'Sendense.PowerShell.Commands'
}

function Clear-GroupSuite {
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

function Invoke-HubSql([string] $Sql) { Invoke-RigSql -ConnectionString $script:Db.ConnectionString -Sql $Sql }

function Get-HubCount([string] $Sql) { [int](Invoke-HubSql $Sql | Select-Object -First 1) }

# upstream's ungrouped predicate (enhanced_discovery_service.go), counted
function Get-UngroupedCount {
    Get-HubCount 'SELECT COUNT(*) FROM vm_replication_contexts vrc WHERE vrc.context_id NOT IN (SELECT DISTINCT vm_context_id FROM vm_group_memberships)'
}

function ConvertTo-TestVM([string] $Line) {
    $f = $Line -split "`t"
    [Sendense.VM]@{ ContextId = $f[0]; Name = $f[1]; VCenter = $f[2]; Datacenter = $f[3]; Path = $f[4]; BiosUuid = $f[5]; Status = $f[6]; PowerState = $f[7] }
}

# Inserts VM contexts as upstream's createVMContext does and returns them as Sendense.VM objects.
function New-TestVM([string[]] $Name, [string] $VCenter = 'vc01.lab') {
    $rows = foreach ($n in $Name) {
        "('ctx-$n-$script:Stamp', '$n', uuid(), '/DC1/vm/$n', '$VCenter', 'DC1', 'discovered', NULL, 0, 0, 0, NULL, 2, 4096, 'linux', 'poweredOn', 'vmx-19', NOW(), NOW(), NULL, NULL, NOW(), 1, NULL, NULL, 1, 0, NULL, NULL)"
    }
    Invoke-HubSql ("INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter, current_status, current_job_id, total_jobs_run, successful_jobs, failed_jobs, last_successful_job_id, cpu_count, memory_mb, os_type, power_state, vm_tools_version, created_at, updated_at, first_job_at, last_job_at, last_status_change, auto_added, last_scheduled_job_id, next_scheduled_at, scheduler_enabled, ossea_config_id, credential_id, last_operation_summary) VALUES " + ($rows -join ', '))
    $list = ($Name | ForEach-Object { "'ctx-$_-$script:Stamp'" }) -join ','
    Invoke-HubSql "SELECT context_id, vm_name, vcenter_host, datacenter, vm_path, vmware_vm_id, current_status, power_state FROM vm_replication_contexts WHERE context_id IN ($list) ORDER BY vm_name" |
        ForEach-Object { ConvertTo-TestVM $_ }
}

# The groups both Get suites list: 'List tier [a]' with list01-03 (list03 disabled) and 'List other' with list01.
function New-ListingGroup {
    $vms = New-TestVM 'list01', 'list02', 'list03'
    $script:Listed = $vms | New-SendenseProtectionGroup -Name 'List tier [a]' -Description 'for listing'
    $null = $vms[0] | New-SendenseProtectionGroup -Name 'List other' -Description x
    Invoke-HubSql "UPDATE vm_group_memberships SET enabled = 0 WHERE vm_context_id = '$($vms[2].ContextId)'"
}

function Get-MemberContextId([string] $GroupName) {
    @(Invoke-HubSql "SELECT m.vm_context_id FROM vm_group_memberships m JOIN vm_machine_groups g ON g.id = m.group_id WHERE g.name = '$GroupName' ORDER BY m.vm_context_id")
}

# The completion texts PowerShell offers at the end of a command line.
function Get-CompletionText([string] $Line) {
    (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
}
