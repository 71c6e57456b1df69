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
    foreach ($key in 'SENDENSE_DEMO_MYSQL', 'SENDENSE_DEMO_VCENTER', 'SENDENSE_DEMO_VCENTER_USER', 'SENDENSE_DEMO_VCENTER_PASSWORD', 'SENDENSE_DEMO_VCENTER_SHA256') {
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
        Invoke-ChildPwsh -RepoRoot $RepoRoot -File (Join-Path $RepoRoot 'tools/demo/Show-Workflow.ps1')
    }
    finally {
        if ($simulator) { Stop-RigSimulator $simulator }
        if ($rig) { Stop-RigMariaDb $rig }
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
    }
}
