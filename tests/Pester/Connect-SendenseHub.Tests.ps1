BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Db = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
}

AfterAll {
    Disconnect-SendenseHub -ErrorAction SilentlyContinue
    if ($script:Db) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:Db.Name }
}

Describe 'Connect-SendenseHub' {
    AfterEach { Disconnect-SendenseHub -ErrorAction SilentlyContinue }

    It 'connects to a hub database loaded with the upstream schema and becomes the default' {
        $hub = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None

        $hub | Should -BeOfType ([Sendense.HubConnection])
        $hub.Database | Should -Be $Db.Name
        $hub.IsConnected | Should -BeTrue
        $global:DefaultSendenseHub | Should -Be $hub
    }

    It 'with -NotDefault returns the connection and leaves the default alone' {
        $hub = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None -NotDefault
        $hub.IsConnected | Should -BeTrue
        $global:DefaultSendenseHub | Should -BeNullOrEmpty
        Disconnect-SendenseHub -Hub $hub
        $hub.IsConnected | Should -BeFalse
    }

    It 'accepts a connection string and never shows its password' {
        $hub = Connect-SendenseHub -ConnectionString $Db.ConnectionString
        $password = $Db.Credential.GetNetworkCredential().Password
        ($hub | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($password))
        ($hub | ConvertTo-Json) | Should -Not -Match ([regex]::Escape($password))
    }

    It 'refuses a wrong password with a terminating HubLoginFailed error that does not contain the password' {
        $bad = [pscredential]::new($Db.UserName, (ConvertTo-SecureString 'Wr0ng-Secret-42' -AsPlainText -Force))
        $caught = $null
        try { Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $bad -TlsMode None } catch { $caught = $_ }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Be 'HubLoginFailed,Sendense.PowerShell.Commands.ConnectSendenseHubCommand'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($caught | Out-String) | Should -Not -Match 'Wr0ng-Secret-42'
        $caught.Exception.ToString() | Should -Not -Match 'Wr0ng-Secret-42'
    }

    It 'names the database when it does not exist' {
        { Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database 'nope_db' -Credential $Db.Credential -TlsMode None } |
            Should -Throw -ErrorId 'HubDatabaseNotFound,Sendense.PowerShell.Commands.ConnectSendenseHubCommand' -ExpectedMessage '*nope_db*'
    }
}

Describe 'Disconnect-SendenseHub' {
    It 'clears the default connection fully' {
        $hub = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None
        Disconnect-SendenseHub
        $hub.IsConnected | Should -BeFalse
        Get-Variable -Name DefaultSendenseHub -Scope Global -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Connect-SendenseHub sessions and TLS' -Tag VM {
    AfterEach { Disconnect-SendenseHub -ErrorAction SilentlyContinue }

    It 'refuses a wrong password even while another connection to the same hub is open' {
        $good = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None
        $bad = [pscredential]::new($Db.UserName, (ConvertTo-SecureString 'Wr0ng-While-Open' -AsPlainText -Force))
        { Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $bad -TlsMode None -NotDefault } |
            Should -Throw -ErrorId 'HubLoginFailed,Sendense.PowerShell.Commands.ConnectSendenseHubCommand'
        $good.IsConnected | Should -BeTrue
    }

    It 'says that TLS failed, not that the server is unreachable, when TLS is required and the server has none' {
        # The rig's MariaDB runs without certificates.
        { Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode Required } |
            Should -Throw -ErrorId 'HubUnreachable,Sendense.PowerShell.Commands.ConnectSendenseHubCommand' -ExpectedMessage '*TLS with the hub database server*-TlsMode Required*Enable TLS on the server*'
    }

    It 'disconnecting one connection leaves the default one working' {
        $default = Connect-SendenseHub -Server $Db.Server -Port $Db.Port -Database $Db.Name -Credential $Db.Credential -TlsMode None
        $other = Connect-SendenseHub -ConnectionString $Db.ConnectionString -NotDefault
        $other | Disconnect-SendenseHub
        $other.IsConnected | Should -BeFalse
        $global:DefaultSendenseHub | Should -Be $default
        Get-SendenseVM -Name 'no-such-vm*' | Should -BeNullOrEmpty
        { Get-SendenseVM -Hub $other } | Should -Throw -ErrorId 'HubConnectionClosed,Sendense.PowerShell.Commands.GetSendenseVMCommand'
    }
}
