<#
The guides' code blocks, read and run like code (docs/testing-guide.md, "How the guides are tested").

A guide is Markdown. Every ```powershell block runs, in the order written, in one PowerShell session per guide,
against the rig. An HTML comment on the line before a block changes that:
  <!-- illustrative -->           not run (it needs a vault, a GUI, a scheduler or a real vCenter); only its
                                  Sendense commands and parameters are checked against the module
  <!-- setup -->                  the reader's own values; the test runs the rig's values instead, and checks that
                                  the rig defines every variable the block assigns
  <!-- expect-error: <ErrorId> --> the block must write that error (and no other)
  <!-- vcenter: <command> -->      before the block runs, the simulator gets that control command (what an admin
                                  does in the vSphere client, e.g. 'rename web-01 web-01b'); the guide's text says so
A ```text block right after a block that runs is its documented output: what the real command printed. The test
compares its shape (the column headers of each table, the property names of each list) with the output of the run.
#>
Set-StrictMode -Version Latest

function Get-GuideBlock {
    <# Every ```powershell block of a guide, with its marker, its line and its documented output. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path)
    $lines = [System.IO.File]::ReadAllLines($Path)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $i = 0
    while ($i -lt $lines.Length) {
        if ($lines[$i] -notmatch '^```powershell\s*$') { $i++; continue }
        $marker = if ($i -gt 0) { $lines[$i - 1].Trim() } else { '' }
        $start = $i + 1
        $end = $start
        while ($end -lt $lines.Length -and $lines[$end] -notmatch '^```\s*$') { $end++ }
        $code = ($lines[$start..($end - 1)] -join "`n")
        $i = $end + 1
        $next = $i
        while ($next -lt $lines.Length -and [string]::IsNullOrWhiteSpace($lines[$next])) { $next++ }
        $output = $null
        if ($next -lt $lines.Length -and $lines[$next] -match '^```text\s*$') {
            $outEnd = $next + 1
            while ($outEnd -lt $lines.Length -and $lines[$outEnd] -notmatch '^```\s*$') { $outEnd++ }
            $output = if ($outEnd -gt $next + 1) { $lines[($next + 1)..($outEnd - 1)] -join "`n" } else { '' }
            $i = $outEnd + 1
        }
        $kind = 'Run'
        $expectError = $null
        $vcenterCommand = $null
        if ($marker -match '^<!--\s*illustrative\b') { $kind = 'Illustrative' }
        elseif ($marker -match '^<!--\s*setup\b') { $kind = 'Setup' }
        elseif ($marker -match '^<!--\s*expect-error:\s*(\S+)\s*-->') { $expectError = $Matches[1] }
        elseif ($marker -match '^<!--\s*vcenter:\s*(.+?)\s*-->') { $vcenterCommand = $Matches[1] }
        $blocks.Add([pscustomobject]@{
                Guide = Split-Path $Path -Leaf; Index = $blocks.Count; Line = $start; Kind = $kind
                ExpectError = $expectError; VCenterCommand = $vcenterCommand; Code = $code; Output = $output
            })
    }
    $blocks
}

function Get-OutputShape {
    <#
    The shape of formatted output: for each table the words of its header (the line above the dashes), for each list
    the property names, in order, without repeats. Values (ids, times, counts) are not part of the shape.
    #>
    [CmdletBinding()]
    param([AllowEmptyString()][string] $Text)
    $lines = @($Text -split "`r?`n")
    $shapes = [System.Collections.Generic.List[string]]::new()
    $listKeys = [System.Collections.Generic.List[string]]::new()
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($i -gt 0 -and $lines[$i] -match '^\s*-{2,}(\s+-{2,})*\s*$' -and $lines[$i - 1].Trim()) {
            $shapes.Add('table: ' + (($lines[$i - 1].Trim() -split '\s+') -join ' '))
        }
        elseif ($lines[$i] -match '^(\S[^:]*?)\s+:( |$)' -and -not $listKeys.Contains($Matches[1])) {
            $listKeys.Add($Matches[1])
        }
    }
    if ($listKeys.Count) { $shapes.Add('list: ' + ($listKeys -join ', ')) }
    @($shapes | Select-Object -Unique)
}

function Get-GuideCommandUse {
    <# Each Sendense command a block calls, with the parameter names it gives (from the PowerShell parser). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Code)
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
    if ($errors) { throw "The block does not parse: $($errors[0].Message)" }
    $commands = $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)
    foreach ($command in $commands) {
        $name = $command.GetCommandName()
        if (-not $name -or $name -notlike '*-Sendense*') { continue }
        [pscustomobject]@{
            Command = $name
            Parameters = @($command.CommandElements |
                    Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] } |
                    ForEach-Object ParameterName)
        }
    }
}

function Test-GuideParameter {
    <# The parameter names of a use that the command does not have (PowerShell's unique-prefix rule included). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Command, [string[]] $Parameter)
    $known = foreach ($p in $Command.Parameters.Values) { $p.Name; $p.Aliases }
    foreach ($name in $Parameter) {
        $hits = @($known | Where-Object { $_ -like "$name*" })
        if ($hits -notcontains $name -and $hits.Count -ne 1) { $name }
    }
}

function Get-AssignedVariable {
    <# The names of the variables a block assigns at its top level ($x = ...), and $PSDefaultParameterValues keys. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Code)
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $null, [ref] $null)
    $assignments = $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.AssignmentStatementAst] }, $true)
    foreach ($assignment in $assignments) {
        $left = $assignment.Left
        if ($left -is [System.Management.Automation.Language.VariableExpressionAst]) { $left.VariablePath.UserPath }
        elseif ($left -is [System.Management.Automation.Language.IndexExpressionAst]) { $left.Extent.Text }
    }
}

# Defined in the guide's session: Format-Table, Format-List and Select-Object refuse a property that the objects do
# not have (PowerShell prints an empty column instead), so a documented property that disappears fails the test.
$script:PropertyGuards = @'
function Assert-GuideProperty([object[]] $Items, [object[]] $Arguments, [string] $Command) {
    if (-not $Items.Count) { return }
    $names = [System.Collections.Generic.List[string]]::new()
    for ($i = 0; $i -lt $Arguments.Count; $i++) {
        $a = $Arguments[$i]
        if ($a -is [string] -and $a -match '^-(\w+):?$') {
            if ($Matches[1] -in 'Property', 'ExpandProperty' -and $i + 1 -lt $Arguments.Count) { $names.AddRange([string[]]@($Arguments[++$i] | Where-Object { $_ -is [string] })) }
            elseif ($Matches[1] -in 'GroupBy', 'First', 'Last', 'Skip', 'View', 'ExcludeProperty', 'Index') { $i++ }
            continue
        }
        if ($i -eq 0 -or $names.Count -eq 0) { $names.AddRange([string[]]@($a | Where-Object { $_ -is [string] })) }
    }
    foreach ($name in $names) {
        if ([System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($name)) { continue }
        if (-not $Items[0].PSObject.Properties[$name]) {
            throw "$Command names the property '$name', which $($Items[0].GetType().FullName) does not have."
        }
    }
}
function Format-Table { $items = @($input); Assert-GuideProperty $items $args 'Format-Table'; $items | Microsoft.PowerShell.Utility\Format-Table @args }
function Format-List { $items = @($input); Assert-GuideProperty $items $args 'Format-List'; $items | Microsoft.PowerShell.Utility\Format-List @args }
function Select-Object { $items = @($input); Assert-GuideProperty $items $args 'Select-Object'; $items | Microsoft.PowerShell.Utility\Select-Object @args }
'@

function New-GuideScript {
    <#
    One script that runs a guide's blocks in order in one session (dot-sourced, so a block's variables reach the
    next), with the rig's prelude in place of the setup blocks, and writes one JSON result per block: the errors it
    wrote (error ids) and its output formatted as the console prints it.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowEmptyCollection()][object[]] $Block, [Parameter(Mandatory)][string] $Prelude,
        [Parameter(Mandatory)][string] $ResultPath, [int] $Width = 120)
    $builder = [System.Text.StringBuilder]::new()
    $null = $builder.AppendLine('$ProgressPreference = ''SilentlyContinue''')
    $null = $builder.AppendLine("`$__results = [System.Collections.Generic.List[object]]::new()")
    $null = $builder.AppendLine($Prelude)
    $null = $builder.AppendLine($script:PropertyGuards)
    # A vCenter change is asked of the parent, which holds the simulator's control channel: a request file, then
    # wait for the answer file (GuideRun.psm1 serves them).
    $null = $builder.AppendLine(@'
function __GuideVCenter([string] $Command) {
    $n = [guid]::NewGuid().ToString('N')
    Set-Content -LiteralPath (Join-Path $env:SDGUIDE_CONTROL "$n.request") -Value $Command
    $answer = Join-Path $env:SDGUIDE_CONTROL "$n.answer"
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path $answer)) { if ([DateTime]::UtcNow -gt $deadline) { throw "The vCenter change '$Command' got no answer." }; Start-Sleep -Milliseconds 50 }
    $text = Get-Content -LiteralPath $answer -Raw
    if ($text -notlike 'OK*') { throw "The vCenter change '$Command' failed: $text" }
}
'@)
    $null = $builder.AppendLine('function __GuideError($e) { [pscustomobject]@{ Id = ($e.FullyQualifiedErrorId -split '','')[0]; Command = "$($e.InvocationInfo.MyCommand)"; Message = "$e" } }')
    foreach ($b in $Block) {
        if ($b.Kind -ne 'Run') { continue }
        if ($b.VCenterCommand) { $null = $builder.AppendLine("__GuideVCenter '$($b.VCenterCommand -replace "'", "''")'") }
        $null = $builder.AppendLine(@"
`$__errors = [System.Collections.Generic.List[object]]::new()
`$__text = ''
try {
    `$__items = @(. {
$($b.Code)
    } 2>&1)
    foreach (`$__e in @(`$__items | Where-Object { `$_ -is [System.Management.Automation.ErrorRecord] })) { `$__errors.Add((__GuideError `$__e)) }
    `$__text = @(`$__items | Where-Object { `$_ -isnot [System.Management.Automation.ErrorRecord] }) | Out-String -Width $Width
}
catch { `$__errors.Add((__GuideError `$_)) }
`$__results.Add([pscustomobject]@{ Index = $($b.Index); Errors = @(`$__errors); Output = `$__text })
"@)
    }
    $null = $builder.AppendLine("`ConvertTo-Json -InputObject @(`$__results) -Depth 4 | Set-Content -LiteralPath '$($ResultPath -replace "'", "''")'")
    $builder.ToString()
}

Export-ModuleMember -Function Get-GuideBlock, Get-OutputShape, Get-GuideCommandUse, Test-GuideParameter, Get-AssignedVariable, New-GuideScript
