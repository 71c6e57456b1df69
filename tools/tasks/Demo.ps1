# The Demo task (the README's first command): a private hub database and a vCenter simulator, the real workflow run
# by tools/demo/Show-Workflow.ps1 in a fresh pwsh against out/Sendense, then everything stopped again.

function Invoke-Demo {
    param([Parameter(Mandatory)][string] $RepoRoot)
    Install-RigPrerequisite
    $env:SENDENSE_VCSIM_LAUNCHER = Build-RigSimulator
    $env:SENDENSE_HUB_FIXTURES = Join-Path $RepoRoot 'tests/fixtures/sendense-hub'

    $rig = $null
    $simulator = $null
    $saved = @{}
    $second = $null
    foreach ($key in 'SENDENSE_DEMO_MYSQL', 'SENDENSE_DEMO_VCENTER', 'SENDENSE_DEMO_VCENTER_USER', 'SENDENSE_DEMO_VCENTER_PASSWORD', 'SENDENSE_DEMO_VCENTER_SHA256',
        'SENDENSE_DEMO_VCENTER2', 'SENDENSE_DEMO_VCENTER2_USER', 'SENDENSE_DEMO_VCENTER2_PASSWORD', 'MIGRATEKIT_CRED_ENCRYPTION_KEY') {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
    }
    try {
        Write-Host 'Starting a private MariaDB server and a vCenter simulator...'
        $rig = Start-RigMariaDb
        $simulator = Start-RigSimulator -Datacenter 2 -Cluster 2 -ClusterHost 2 -StandaloneHost 1 -VM 3 -Template 1 -Tls `
            -VMFolder 'Production/Web', 'Production/Database', 'Test' -MoveEvery 2 `
            -Rename @{ 'DC0_C0_RP0_VM0' = 'web-frontend-01'; 'DC0_C0_RP0_VM1' = 'web-frontend-02'; 'DC0_C1_RP0_VM0' = 'web-api-01'
                'DC0_C0_RP0_VM2' = 'db-primary-01'; 'DC1_C0_RP0_VM0' = 'db-replica-01'; 'DC1_C1_RP0_VM1' = 'web-frontend-03' }
        $env:SENDENSE_DEMO_MYSQL = $rig.ConnectionString
        $env:SENDENSE_DEMO_VCENTER = $simulator.Server
        $env:SENDENSE_DEMO_VCENTER_USER = $simulator.UserName
        $env:SENDENSE_DEMO_VCENTER_PASSWORD = $simulator.Password
        $env:SENDENSE_DEMO_VCENTER_SHA256 = $simulator.Sha256
        $env:MIGRATEKIT_CRED_ENCRYPTION_KEY = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
        Invoke-ChildPwsh -RepoRoot $RepoRoot -File (Join-Path $RepoRoot 'tools/demo/Show-Workflow.ps1')

        # Refresh (issue 12): vCenter changes under the hub, and a second vCenter joins; tools/demo/Show-Refresh.ps1 shows both.
        Write-Host ''
        Write-Host 'Changing vCenter under the hub (web-api-01 renamed, db-primary-01 resized, db-replica-01 deleted) and starting a second vCenter...'
        $null = Rename-RigVM $simulator -Name 'web-api-01' -NewName 'web-api-02'
        $null = Set-RigVMSize $simulator -Name 'db-primary-01' -NumCpu 8 -MemoryMB 32768
        $null = Remove-RigVM $simulator -Name 'db-replica-01'
        $second = Start-RigSimulator -VM 4 -Tls
        $env:SENDENSE_DEMO_VCENTER2 = $second.Server
        $env:SENDENSE_DEMO_VCENTER2_USER = $second.UserName
        $env:SENDENSE_DEMO_VCENTER2_PASSWORD = $second.Password
        Invoke-ChildPwsh -RepoRoot $RepoRoot -File (Join-Path $RepoRoot 'tools/demo/Show-Refresh.ps1')
    }
    finally {
        if ($second) { Stop-RigSimulator $second }
        if ($simulator) { Stop-RigSimulator $simulator }
        if ($rig) { Stop-RigMariaDb $rig }
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
    }
}
