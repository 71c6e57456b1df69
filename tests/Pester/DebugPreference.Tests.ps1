# -Debug only shows more (D2): in a non-interactive host without standard input, where PowerShell 7 turns the
# Inquire it gives compiled cmdlets' warnings and verbose messages under -Debug into an exception, every cmdlet of
# the module still succeeds, and a change it made is reported as made.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
    # The flow steps need a backup repository; the module only reads them (issue 11).
    Invoke-RigSql -ConnectionString $script:Db.ConnectionString -Sql "INSERT INTO backup_repositories (id, name, repository_type, config) VALUES ('repo-dbg', 'dbg-repo', 'local', '{}')" | Out-Null
    $script:Sim = Start-RigSimulator -Datacenter 1 -Cluster 1 -ClusterHost 1 -VM 2 -Tls
}

AfterAll {
    if ($script:Sim) { Stop-RigSimulator $script:Sim }
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe '-Debug in a non-interactive host with no standard input' -Tag Module {
    BeforeAll {
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in 'pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'children/Invoke-EveryCmdletWithDebug.ps1')) {
            $start.ArgumentList.Add($argument)
        }
        $start.WorkingDirectory = $RepoRoot
        $start.UseShellExecute = $false
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.Environment['SDTEST_HUB'] = $Db.ConnectionString
        $start.Environment['SDTEST_VC'] = $Sim.Server
        $start.Environment['SDTEST_VC_USER'] = $Sim.UserName
        $start.Environment['SDTEST_VC_PASSWORD'] = $Sim.Password
        $start.Environment['SDTEST_VC_SHA256'] = $Sim.Sha256
        $start.Environment['MIGRATEKIT_CRED_ENCRYPTION_KEY'] = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
        $process = [System.Diagnostics.Process]::Start($start)
        $process.StandardInput.Close() # stdin closed: a prompt cannot be answered, and used to end in a NullReferenceException
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(180000)) { $process.Kill($true); throw 'The -Debug child did not finish within 180 s.' }
        $ansi = "$([char]27)\[[0-9;]*[A-Za-z]"
        $script:Lines = @(($stdout.Result -replace $ansi, '') -split "`r?`n")
        $script:Errors = $stderr.Result -replace $ansi, ''
        $script:Steps = @($Lines | Where-Object { $_ -match '^(OK|FAIL) ' })
    }

    It 'runs every exported cmdlet' {
        $covered = $Steps | ForEach-Object { ($_ -replace '^(OK|FAIL) ([^:]+).*$', '$2').Trim() }
        $exported = (Get-Command -Module Sendense).Name
        $exported | Where-Object { $covered -notcontains $_ } | Should -BeNullOrEmpty -Because 'every cmdlet must be run with -Debug in the child'
    }

    It 'has every cmdlet succeed, with no prompt error' {
        $Steps | Where-Object { $_ -like 'FAIL *' } | Should -BeNullOrEmpty -Because ($Errors + ($Lines -join "`n"))
        ($Lines -join "`n") + $Errors | Should -Not -Match 'NonInteractive mode|NullReferenceException'
    }

    It 'still shows the warnings and verbose messages it would have prompted for' {
        $Lines | Where-Object { $_ -like 'WARNING: *without a stored credential*' } | Should -Not -BeNullOrEmpty
        $Lines | Where-Object { $_ -like 'VERBOSE: *' } | Should -Not -BeNullOrEmpty
    }

    It 'made each change once: the group was created and removed, the VMs added and removed' {
        Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql "SELECT COUNT(*) FROM vm_machine_groups WHERE name = 'dbg-group'" | Should -Be 0
        Invoke-RigSql -ConnectionString $Db.ConnectionString -Sql 'SELECT COUNT(*) FROM vm_replication_contexts' | Should -Be 0
        $Lines | Where-Object { $_ -like '*ProtectionGroupNameTaken*' } | Should -BeNullOrEmpty
    }
}
