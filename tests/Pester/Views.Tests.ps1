# What users see: every output type has a table view that fits 120 columns and a list view with everything, and
# no view prints a .NET type name (System.Object[], System.String[]) where a value belongs.
BeforeDiscovery {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repoRoot 'out/Sendense/Sendense.psd1') -Force
    $script:TypeCases = @(Get-Command -Module Sendense | ForEach-Object { $_.OutputType.Type } |
        Where-Object { $_ -and $_.Namespace -eq 'Sendense' } | Sort-Object FullName -Unique | ForEach-Object { @{ Type = $_; Name = $_.FullName } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # A filled-in instance: strings, numbers, arrays of strings and of nested objects, so views are really exercised.
    function script:New-Sample([type] $Type) {
        if ($Type -eq [Sendense.HubConnection]) {
            # Made only by Connect-SendenseHub: a real connection to a rig database.
            $script:ViewsDb = New-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Empty
            return Connect-SendenseHub -Server $ViewsDb.Server -Port $ViewsDb.Port -Database $ViewsDb.Name -Credential $ViewsDb.Credential -TlsMode None -NotDefault
        }
        if (-not $Type.GetConstructor([type[]]@())) { return $null }
        $sample = [Activator]::CreateInstance($Type)
        foreach ($property in $Type.GetProperties() | Where-Object CanWrite) {
            $t = $property.PropertyType
            $value = switch ($true) {
                ($t -eq [string]) { "sample-$($property.Name)" }
                ($t -eq [string[]]) { [string[]]@('first', 'second') }
                ($t -eq [int] -or $t -eq [Nullable[int]]) { 42 }
                ($t -eq [long]) { [long]1073741824 }
                ($t -eq [bool] -or $t -eq [Nullable[bool]]) { $true }
                ($t -eq [datetime] -or $t -eq [Nullable[datetime]]) { [datetime]'2026-11-26T07:00:00' }
                ($t.IsArray -and $t.GetElementType().GetConstructor([type[]]@())) {
                    $element = [Activator]::CreateInstance($t.GetElementType())
                    $array = [Array]::CreateInstance($t.GetElementType(), 2); $array[0] = $element; $array[1] = $element; $array
                }
                default { $null }
            }
            if ($null -ne $value) { try { $property.SetValue($sample, $value) } catch { } }
        }
        $sample
    }
}

AfterAll {
    if ($script:ViewsDb) { Remove-RigHubDatabase -ConnectionString $env:SENDENSE_TEST_MYSQL -Name $script:ViewsDb.Name }
}

Describe 'Views of <Name>' -Tag Metadata -ForEach $TypeCases {
    BeforeAll {
        $script:Views = (Get-FormatData -TypeName $Name -PowerShellVersion $PSVersionTable.PSVersion).FormatViewDefinition
    }

    It 'has a table view that fits in 120 columns' {
        $table = $Views | Where-Object { $_.Control -is [System.Management.Automation.TableControl] } | Select-Object -First 1
        $table | Should -Not -BeNullOrEmpty
        $headers = $table.Control.Headers
        # A column without a width takes what is left; count it as the 20 characters a useful value needs.
        $width = ($headers | ForEach-Object { if ($_.Width -gt 0) { $_.Width } else { 20 } } | Measure-Object -Sum).Sum + $headers.Count - 1
        $width | Should -BeLessOrEqual 120
    }

    It 'has a list view' {
        $Views | Where-Object { $_.Control -is [System.Management.Automation.ListControl] } | Should -Not -BeNullOrEmpty
    }

    It 'never shows a .NET type name where values belong' {
        $sample = New-Sample $Type
        $sample | Should -Not -BeNullOrEmpty -Because "a sample $Name is needed; teach New-Sample how to make one"
        $text = ($sample | Format-Table | Out-String -Width 120) + ($sample | Format-List | Out-String -Width 120)
        $text | Should -Not -Match 'System\.\w+\[\]'
        $text | Should -Not -Match 'Sendense\.\w+\[\]'
    }
}
