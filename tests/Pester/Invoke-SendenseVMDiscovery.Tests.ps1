BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # A vCenter with TLS (the simulator's fixed certificate) and a password it enforces: two datacenters (one in a
    # folder), a cluster with two hosts, a standalone host, a vApp, nested VM folders and a template per datacenter.
    $script:Sim = Start-RigSimulator -Datacenter 2 -Cluster 1 -ClusterHost 2 -StandaloneHost 1 -VM 2 -App 1 -DatacenterFolder 1 `
        -VMFolder 'Prod & Test/Web', 'Lab' -Template 1 -Tls
    $script:VC = $Sim.Server
    $script:Splat = @{ VCenter = $Sim.Server; Credential = $Sim.Credential; Thumbprint = $Sim.Sha256 }

    function Invoke-RawSoap([string] $Body, [string] $Cookie) {
        $envelope = "<?xml version=`"1.0`" encoding=`"UTF-8`"?><soapenv:Envelope xmlns:soapenv=`"http://schemas.xmlsoap.org/soap/envelope/`"><soapenv:Body>$Body</soapenv:Body></soapenv:Envelope>"
        $headers = @{}
        if ($Cookie) { $headers.Cookie = "vmware_soap_session=$Cookie" }
        Invoke-WebRequest -Uri $Sim.Url -Method Post -Body $envelope -ContentType 'text/xml' -Headers $headers -SkipCertificateCheck -SkipHttpErrorCheck
    }

    # A session made the way PowerCLI makes it, to hand over as a VIServer object.
    function New-RawSession {
        $user = [Security.SecurityElement]::Escape($Sim.UserName)
        $password = [Security.SecurityElement]::Escape($Sim.Password)
        $response = Invoke-RawSoap "<Login xmlns=`"urn:vim25`"><_this type=`"SessionManager`">SessionManager</_this><userName>$user</userName><password>$password</password></Login>"
        ([string]$response.Headers['Set-Cookie']) -replace '^vmware_soap_session="?([^";]+).*$', '$1'
    }

    # Each named property of what the module reports against the field govmomi reports for it: strings to the letter,
    # other values by value. 'Property=field' names a field spelled otherwise (PowerShell ignores the case of names).
    function Assert-SameAsGovmomi($Actual, $Expected, [string[]] $Property, [string] $Because) {
        foreach ($entry in $Property) {
            $name, $field = $entry -split '=', 2
            if (-not $field) { $field = $name }
            $Expected.PSObject.Properties.Name | Should -Contain $field -Because "govmomi reports $field"
            if ($Expected.$field -is [string]) { $Actual.$name | Should -BeExactly $Expected.$field -Because "$Because $name" }
            else { $Actual.$name | Should -Be $Expected.$field -Because "$Because $name" }
        }
    }

    function Test-RawSession([string] $Cookie) {
        $body = '<RetrievePropertiesEx xmlns="urn:vim25"><_this type="PropertyCollector">propertyCollector</_this><specSet><propSet><type>SessionManager</type><pathSet>currentSession</pathSet></propSet><objectSet><obj type="SessionManager">SessionManager</obj></objectSet></specSet><options/></RetrievePropertiesEx>'
        (Invoke-RawSoap $body $Cookie).Content -match [regex]::Escape("<userName>$($Sim.UserName)</userName>")
    }
}

AfterAll {
    if ($script:Sim) { Stop-RigSimulator $script:Sim }
}

Describe 'Invoke-SendenseVMDiscovery' -Tag Discovery {
    Context 'Command metadata' {
        BeforeAll { $script:Command = Get-Command Invoke-SendenseVMDiscovery }

        It 'outputs Sendense.DiscoveredVM and offers -VCenter/-Credential and -VIServer parameter sets' {
            $Command.OutputType.Type | Should -Contain ([Sendense.DiscoveredVM])
            $Command.ParameterSets.Name | Sort-Object | Should -Be @('Credential', 'StoredCredential', 'VIServer')
            $Command.DefaultParameterSet | Should -Be 'Credential'
            $Command.Parameters['VCenter'].ParameterSets['Credential'].IsMandatory | Should -BeTrue
            $Command.Parameters['Credential'].ParameterSets['Credential'].IsMandatory | Should -BeTrue
            $Command.Parameters['VIServer'].ParameterSets['VIServer'].IsMandatory | Should -BeTrue
        }

        It 'has every filter and TLS parameter of the design' {
            foreach ($name in 'Name', 'Datacenter', 'Folder', 'PowerState', 'IncludeTemplate', 'Thumbprint', 'SkipCertificateCheck', 'PageSize', 'Hub') {
                $Command.Parameters.Keys | Should -Contain $name
            }
            $Command.Parameters['PowerState'].Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues |
                Should -Be @('PoweredOn', 'PoweredOff', 'Suspended')
        }

        It 'rejects a malformed thumbprint while binding' {
            { Invoke-SendenseVMDiscovery @Splat -Thumbprint 'not-a-thumbprint' } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,Sendense.PowerShell.Commands.InvokeSendenseVMDiscoveryCommand'
        }
    }

    Context 'Against the simulator over TLS with a required password' {
        It 'finds every VM with its datacenter, folder path, host and cluster, templates left out' {
            $vms = @(Invoke-SendenseVMDiscovery @Splat)
            $vms.Count | Should -Be 10   # 2 DCs x (1 standalone host + 1 cluster x (root pool + vApp)) x 2 VMs, minus 2 templates
            $vms | ForEach-Object { $_ | Should -BeOfType ([Sendense.DiscoveredVM]) }
            ($vms | Where-Object IsTemplate) | Should -BeNullOrEmpty
            ($vms.Datacenter | Sort-Object -Unique) | Should -Be @('DC0', 'DC1')
            $web = @($vms | Where-Object Folder -EQ 'Prod & Test/Web')
            $web.Count | Should -BeGreaterThan 0
            $web | ForEach-Object { $_.Path | Should -BeLike "/*/vm/Prod & Test/Web/$($_.Name)" }
            ($vms | Where-Object Datacenter -EQ 'DC1' | Select-Object -First 1).Path | Should -BeLike '/F0/DC1/vm/*'
            ($vms | Where-Object Cluster -EQ 'DC0_C0').Host | Sort-Object -Unique | Should -Be @('DC0_C0_H0', 'DC0_C0_H1')
            $vms | ForEach-Object { $_.VCenter | Should -Be $VC; $_.IsManaged | Should -BeNullOrEmpty }
        }

        It 'returns templates with -IncludeTemplate' {
            $vms = @(Invoke-SendenseVMDiscovery @Splat -IncludeTemplate)
            $vms.Count | Should -Be 12
            @($vms | Where-Object IsTemplate).Count | Should -Be 2
        }

        It 'reports every VM with the values govmomi itself reports for the same simulator' {
            $peer = Build-RigGovmomiDiscovery
            $env:GOVMOMI_DISCOVERY_PASSWORD = $Sim.Password
            try { $expected = & $peer -url $Sim.Url -user $Sim.UserName -k -mode compare | ConvertFrom-Json }
            finally { Remove-Item env:GOVMOMI_DISCOVERY_PASSWORD }
            $LASTEXITCODE | Should -Be 0
            $actual = @{}
            Invoke-SendenseVMDiscovery @Splat -IncludeTemplate | ForEach-Object { $actual[$_.MoRef] = $_ }

            $actual.Count | Should -Be $expected.Count
            foreach ($vm in $expected) {
                $mine = $actual[$vm.moRef]
                $mine | Should -Not -BeNullOrEmpty -Because "govmomi lists $($vm.moRef)"
                $because = "$($vm.moRef) $($vm.name)"
                Assert-SameAsGovmomi $mine $vm -Because $because -Property 'InventoryName=name', 'Name', 'Path', 'Datacenter', 'Folder', 'BiosUuid',
                    'InstanceUuid', 'IsTemplate', 'PowerState', 'ConnectionState', 'GuestOS', 'NumCpu', 'MemoryMB', 'HardwareVersion', 'Host', 'Cluster', 'IPAddress'
                $mine.Disks.Count | Should -Be $vm.disks.Count -Because $because
                for ($i = 0; $i -lt $vm.disks.Count; $i++) {
                    Assert-SameAsGovmomi $mine.Disks[$i] $vm.disks[$i] -Because "$because disk $i" -Property 'Key', 'Label', 'CapacityBytes', 'FileName',
                        'Datastore', 'ThinProvisioned=thin', 'ControllerKey', 'UnitNumber'
                }
                $mine.Networks.Count | Should -Be $vm.networks.Count -Because $because
                for ($i = 0; $i -lt $vm.networks.Count; $i++) {
                    Assert-SameAsGovmomi $mine.Networks[$i] $vm.networks[$i] -Because "$because network $i" -Property 'Label', 'NetworkName', 'MacAddress'
                }
            }
        }

        It 'filters by name, datacenter, folder and power state, and reports a plain name that matched nothing' {
            $vms = @(Invoke-SendenseVMDiscovery @Splat -Name 'DC1_*', 'no-such-vm' -Datacenter 'dc*' -Folder 'Prod & Test' -PowerState PoweredOn -ErrorVariable missing -ErrorAction SilentlyContinue)
            $vms.Count | Should -BeGreaterThan 0
            $vms | ForEach-Object { $_.Name | Should -BeLike 'DC1_*'; $_.Folder | Should -BeLike 'Prod & Test*'; $_.PowerState | Should -Be 'poweredOn' }
            $missing.Count | Should -Be 1
            $missing[0].FullyQualifiedErrorId | Should -Be 'VCenterVMNotFound,Sendense.PowerShell.Commands.InvokeSendenseVMDiscoveryCommand'
            $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $missing[0].TargetObject | Should -Be 'no-such-vm'
        }

        It 'streams: Select-Object -First 1 returns one VM and ends the sweep' {
            $first = @(Invoke-SendenseVMDiscovery @Splat | Select-Object -First 1)
            $first.Count | Should -Be 1
            $first[0] | Should -BeOfType ([Sendense.DiscoveredVM])
        }

        It 'accepts the SHA-1 thumbprint PowerCLI and govc print, in lower case without colons' {
            $sha1 = $Sim.Sha1.Replace(':', '').ToLowerInvariant()
            @(Invoke-SendenseVMDiscovery -VCenter $VC -Credential $Sim.Credential -Thumbprint $sha1 -Name 'DC0_H0_VM0').Count | Should -Be 1
        }

        It 'warns about -SkipCertificateCheck and connects' {
            $vms = @(Invoke-SendenseVMDiscovery -VCenter $VC -Credential $Sim.Credential -SkipCertificateCheck -Name 'DC0_H0_VM0' -WarningVariable warned -WarningAction SilentlyContinue)
            $vms.Count | Should -Be 1
            $warned | Should -Not -BeNullOrEmpty
            "$warned" | Should -BeLike '*-Thumbprint*'
        }

        It 'shows the table within 120 columns and disks and networks as text in the list' {
            $vms = @(Invoke-SendenseVMDiscovery @Splat -Name 'DC0_C0_RP0_VM0')
            $table = $vms | Format-Table | Out-String -Width 120
            $table | Should -Match 'Name\s+PowerState\s+CPU\s+MemoryMB\s+Datacenter\s+Folder\s+Cluster/Host\s+IPAddress\s+Managed'
            $table -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 120 }
            $list = $vms | Format-List | Out-String -Width 200
            $list | Should -Not -Match 'System\.Object\[\]|Sendense\.Discovered(Disk|Network)\[\]'
            $list | Should -Match 'Disks\s+: disk-202-0 \(disk-\d+\): 1 GiB thin \[LocalDS_0\]'
            $list | Should -Match 'Networks\s+: ethernet-0: DC0_DVPG0 \(00:0c:29'
            $vms[0].VM | Should -Be $vms[0].Name
            $vms[0].MemoryGB | Should -Be ([math]::Round($vms[0].MemoryMB / 1024, 2))
        }
    }

    Context 'Failures' {
        It 'refuses a wrong password with a terminating error that names the vCenter' {
            $wrong = [pscredential]::new($Sim.UserName, (ConvertTo-SecureString 'definitely-wrong' -AsPlainText -Force))
            $err = $null
            try { Invoke-SendenseVMDiscovery -VCenter $VC -Credential $wrong -Thumbprint $Sim.Sha256 } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $err.FullyQualifiedErrorId | Should -Be 'VCenterLoginFailed,Sendense.PowerShell.Commands.InvokeSendenseVMDiscoveryCommand'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.Exception.Message | Should -BeLike "*$VC*"
            $err.TargetObject | Should -Be $VC
            "$err" | Should -Not -BeLike '*definitely-wrong*'
        }

        It 'refuses an untrusted certificate and shows both thumbprints; pinning the shown one works' {
            $err = $null
            try { Invoke-SendenseVMDiscovery -VCenter $VC -Credential $Sim.Credential } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'VCenterCertificateUntrusted,Sendense.PowerShell.Commands.InvokeSendenseVMDiscoveryCommand'
            $err.CategoryInfo.Category | Should -Be 'SecurityError'
            $err.Exception.Message | Should -BeLike "*$($Sim.Sha256)*"
            $err.Exception.Message | Should -BeLike "*$($Sim.Sha1)*"
            $shown = [regex]::Match($err.Exception.Message, "-Thumbprint '([0-9A-F:]+)'").Groups[1].Value
            @(Invoke-SendenseVMDiscovery -VCenter $VC -Credential $Sim.Credential -Thumbprint $shown -Name 'DC0_H0_VM0').Count | Should -Be 1
        }

        It 'names the vCenter when nothing listens there' {
            $port = Get-RigFreePort
            $err = $null
            try { Invoke-SendenseVMDiscovery -VCenter "127.0.0.1:$port" -Credential $Sim.Credential } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'VCenterUnreachable,Sendense.PowerShell.Commands.InvokeSendenseVMDiscoveryCommand'
            $err.Exception.Message | Should -BeLike "*127.0.0.1:$port*"
        }
    }

    Context 'Reusing a PowerCLI session (-VIServer)' {
        It 'reads Name, Port and SessionSecret by property name, and never logs the session out' {
            $cookie = New-RawSession
            $uri = [uri]$Sim.Url
            $viServer = [pscustomobject]@{ Name = $uri.Host; Port = $uri.Port; SessionSecret = "`"$cookie`""; IsConnected = $true; User = $Sim.UserName }
            $vms = @(Invoke-SendenseVMDiscovery -VIServer $viServer -Thumbprint $Sim.Sha256)
            $vms.Count | Should -Be 10
            $vms[0].VCenter | Should -Be $VC
            Test-RawSession $cookie | Should -BeTrue
        }

        It 'says to reconnect when the PowerCLI object is disconnected' {
            $viServer = [pscustomobject]@{ Name = '127.0.0.1'; Port = 443; SessionSecret = 'x'; IsConnected = $false }
            $err = $null
            try { Invoke-SendenseVMDiscovery -VIServer $viServer } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'VCenterNotAuthenticated,Sendense.PowerShell.Commands.InvokeSendenseVMDiscoveryCommand'
            $err.Exception.Message | Should -BeLike '*Connect-VIServer*'
        }

        It 'rejects an object that is not a VIServer' {
            $err = $null
            try { Invoke-SendenseVMDiscovery -VIServer ([pscustomobject]@{ Foo = 1 }) } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'VCenterInvalidArgument,Sendense.PowerShell.Commands.InvokeSendenseVMDiscoveryCommand'
        }
    }

    Context 'With a hub connected' {
        BeforeAll {
            $script:HubDb = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL
            $script:Hub = Connect-SendenseHub -Server $HubDb.Server -Port $HubDb.Port -Database $HubDb.Name -Credential $HubDb.Credential -TlsMode None -NotDefault
        }

        AfterAll {
            if ($script:Hub) { Disconnect-SendenseHub -Hub $script:Hub }
            if ($script:HubDb) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $HubDb.Name }
        }

        It 'marks the VMs the hub manages (one query, by vCenter and BIOS uuid) and the others as not managed' {
            $target = Invoke-SendenseVMDiscovery @Splat -Name 'DC0_C0_RP0_VM0'
            $sql = "INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter) " +
                "VALUES ('ctx-DC0_C0_RP0_VM0-20251126-101500', '$($target.InventoryName)', '$($target.BiosUuid.ToUpperInvariant())', '$($target.Path)', '$VC', 'DC0')"
            Invoke-RigSql -ConnectionString $HubDb.ConnectionString -Sql $sql | Out-Null

            $vms = @(Invoke-SendenseVMDiscovery @Splat -Hub $Hub)
            $managed = @($vms | Where-Object IsManaged)
            $managed.Count | Should -Be 1
            $managed[0].MoRef | Should -Be $target.MoRef
            $managed[0].ContextId | Should -Be 'ctx-DC0_C0_RP0_VM0-20251126-101500'
            @($vms | Where-Object { $_.IsManaged -eq $false }).Count | Should -Be ($vms.Count - 1)
            ($vms | Format-Table | Out-String -Width 120) | Should -Match 'DC0_C0_RP0_VM0 .* Yes'
        }
    }
}
