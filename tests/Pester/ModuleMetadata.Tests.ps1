# Every exported cmdlet meets the bar PowerShell users expect: approved verb, real help, ShouldProcess on state
# changes, a declared output type, and pipeline binding from the previous cmdlet of the workflow.
BeforeDiscovery {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $manifest = Import-PowerShellDataFile (Join-Path $repoRoot 'out/Sendense/Sendense.psd1')
    $script:CmdletCases = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
    # producer -> consumer pairs of the workflow: the consumer must bind the producer's output from the pipeline.
    $script:PipelineCases = @(
        @{ Producer = 'Invoke-SendenseVMDiscovery'; Consumer = 'Add-SendenseVM' }
        @{ Producer = 'Add-SendenseVM'; Consumer = 'New-SendenseProtectionGroup' }
        @{ Producer = 'Add-SendenseVM'; Consumer = 'Add-SendenseProtectionGroupMember' }
        @{ Producer = 'Get-SendenseUngroupedVM'; Consumer = 'New-SendenseProtectionGroup' }
        @{ Producer = 'Get-SendenseVM'; Consumer = 'Remove-SendenseVM' }
        @{ Producer = 'Get-SendenseVM'; Consumer = 'Add-SendenseProtectionGroupMember' }
        @{ Producer = 'Get-SendenseProtectionGroup'; Consumer = 'Set-SendenseProtectionGroup' }
        @{ Producer = 'Get-SendenseProtectionGroup'; Consumer = 'Remove-SendenseProtectionGroup' }
        @{ Producer = 'Get-SendenseProtectionGroup'; Consumer = 'Get-SendenseProtectionGroupMember' }
        @{ Producer = 'Get-SendenseProtectionGroupMember'; Consumer = 'Remove-SendenseProtectionGroupMember' }
        @{ Producer = 'Get-SendenseVCenterCredential'; Consumer = 'Set-SendenseVCenterCredential' }
        @{ Producer = 'Get-SendenseVCenterCredential'; Consumer = 'Remove-SendenseVCenterCredential' }
        @{ Producer = 'Get-SendenseVCenterCredential'; Consumer = 'Test-SendenseVCenterCredential' }
        @{ Producer = 'Connect-SendenseHub'; Consumer = 'Disconnect-SendenseHub' }
        @{ Producer = 'Get-SendenseUngroupedVM'; Consumer = 'New-SendenseProtectionFlow' }
        @{ Producer = 'Get-SendenseProtectionGroup'; Consumer = 'New-SendenseProtectionFlow' }
        @{ Producer = 'Get-SendenseProtectionFlow'; Consumer = 'Set-SendenseProtectionFlow' }
        @{ Producer = 'Get-SendenseProtectionFlow'; Consumer = 'Remove-SendenseProtectionFlow' }
        @{ Producer = 'Get-SendenseProtectionFlow'; Consumer = 'Get-SendenseProtectionFlowMember' }
        @{ Producer = 'Get-SendenseProtectionFlow'; Consumer = 'Get-SendenseProtectionFlowExecution' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:StateChangingVerbs = 'Add', 'New', 'Set', 'Remove', 'Initialize', 'Clear', 'Register', 'Unregister', 'Update'
    $script:CommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Cmdlet metadata: <Name>' -Tag Metadata -ForEach $CmdletCases {
    BeforeAll {
        $script:Command = Get-Command $Name -Module Sendense
        $script:Help = Get-Help $Name -Full
    }

    It 'uses an approved verb' {
        (Get-Verb).Verb | Should -Contain $Command.Verb
    }

    It 'has a synopsis and a description' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis.Trim() | Should -Not -BeLike "$Name *"   # PowerShell's fallback synopsis is the syntax
        ($Help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples with code and remarks' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes every parameter' {
        foreach ($parameter in $Command.Parameters.Keys | Where-Object { $CommonParameters -notcontains $_ }) {
            $entry = $Help.parameters.parameter | Where-Object name -eq $parameter
            ($entry.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description in docs/cmdlets/$Name.md"
        }
    }

    It 'declares its output type' {
        $Command.OutputType.Count | Should -BeGreaterThan 0
    }

    It 'supports -WhatIf and -Confirm when it changes state' {
        if ($StateChangingVerbs -contains $Command.Verb) {
            $Command.Parameters.Keys | Should -Contain 'WhatIf'
            $Command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}

Describe 'Pipeline binding: <Producer> | <Consumer>' -Tag Metadata -ForEach $PipelineCases {
    It 'binds the producer''s output type by value or by property name' {
        $producer = Get-Command $Producer -Module Sendense
        $consumer = Get-Command $Consumer -Module Sendense
        $outputTypes = @($producer.OutputType | ForEach-Object Type | Where-Object { $_ })
        $outputTypes | Should -Not -BeNullOrEmpty
        $bound = $false
        foreach ($type in $outputTypes) {
            $propertyNames = $type.GetProperties().Name
            # An instance to try PowerShell's own conversion on (identity parameters convert from the object itself).
            $sample = if ($type.GetConstructor([type[]]@())) { [Activator]::CreateInstance($type) } else { $null }
            foreach ($key in 'Id', 'Name', 'ContextId') {
                $property = if ($sample) { $type.GetProperty($key) } else { $null }
                if ($property -and $property.CanWrite -and $property.PropertyType -eq [string]) { $property.SetValue($sample, 'sample') }
            }
            foreach ($parameter in $consumer.Parameters.Values) {
                $target = if ($parameter.ParameterType.IsArray) { $parameter.ParameterType.GetElementType() } else { $parameter.ParameterType }
                foreach ($set in $parameter.ParameterSets.Values) {
                    if ($set.ValueFromPipeline) {
                        if ($target.IsAssignableFrom($type) -and $target -ne [object]) { $bound = $true }
                        # A PSObject parameter takes any object and resolves VMs by their properties (ContextId, Name).
                        elseif ($target -eq [psobject] -and ($propertyNames -contains 'ContextId' -or $propertyNames -contains 'Name')) { $bound = $true }
                        elseif ($null -ne $sample) {
                            $converted = $null
                            if ([System.Management.Automation.LanguagePrimitives]::TryConvertTo($sample, $target, [ref] $converted)) { $bound = $true }
                        }
                    }
                    if ($set.ValueFromPipelineByPropertyName -and (@($parameter.Name) + $parameter.Aliases | Where-Object { $propertyNames -contains $_ })) { $bound = $true }
                }
            }
        }
        $bound | Should -BeTrue -Because "$Consumer must accept what $Producer writes"
    }
}
