<#
.SYNOPSIS
Generates the module's MAML help (en-US/Sendense.PowerShell.dll-Help.xml) from docs/cmdlets/<Verb-Noun>.md.

.DESCRIPTION
Runs in a fresh pwsh started by the Build task (it imports the built module to read the compiled cmdlets). The
markdown files are the single source of truth for prose: synopsis, description, examples, parameter descriptions,
inputs, outputs, notes and links. Everything the compiler knows (parameter types, sets, positions, mandatory,
pipeline binding, aliases, wildcard support) is taken from the cmdlets themselves, so help and code cannot drift.
platyPS is not served from NuGet here, hence this small generator for the same markdown layout.
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $SourceDirectory,
    [Parameter(Mandatory)][string] $OutputFile
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$module = Import-Module $ModulePath -PassThru -Force
$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$standardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. Nothing is changed.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Read-HelpSource([string] $path) {
    # Splits a platyPS-style file into its sections: ## headings, ### sub-headings (examples, parameters, types).
    $lines = [System.IO.File]::ReadAllLines($path)
    $sections = [ordered]@{}
    $current = $null
    $sub = $null
    $inFence = $false
    foreach ($line in $lines) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^## (.+)$') {
            $current = $Matches[1].Trim().ToUpperInvariant()
            $sections[$current] = [ordered]@{ Text = [System.Collections.Generic.List[string]]::new(); Items = [ordered]@{} }
            $sub = $null
            continue
        }
        if (-not $inFence -and $null -ne $current -and $line -match '^### (.+)$') {
            $sub = $Matches[1].Trim()
            $sections[$current].Items[$sub] = [System.Collections.Generic.List[string]]::new()
            continue
        }
        if ($null -eq $current) { continue }
        if ($null -ne $sub) { $sections[$current].Items[$sub].Add($line) } else { $sections[$current].Text.Add($line) }
    }
    $sections
}

function Get-Paragraphs([System.Collections.Generic.IEnumerable[string]] $lines) {
    # Blank lines separate paragraphs; lines of a paragraph are joined; list items stay one paragraph each.
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $lines) {
        $trimmed = $line.Trim()
        if ($trimmed -eq '' -or $trimmed -match '^[-*] ') {
            if ($buffer.Count) { $paragraphs.Add(($buffer -join ' ')); $buffer.Clear() }
            if ($trimmed -ne '') { $buffer.Add($trimmed) }
            continue
        }
        $buffer.Add($trimmed)
    }
    if ($buffer.Count) { $paragraphs.Add(($buffer -join ' ')) }
    $paragraphs
}

function Split-Example([System.Collections.Generic.IEnumerable[string]] $lines) {
    # The first fenced block is the example's code; prose after it, and any further fenced block (sample output),
    # are its remarks. Sample output keeps its line breaks as one paragraph.
    $code = [System.Collections.Generic.List[string]]::new()
    $remarks = [System.Collections.Generic.List[string]]::new()
    $prose = [System.Collections.Generic.List[string]]::new()
    $sample = [System.Collections.Generic.List[string]]::new()
    $fences = 0
    $inFence = $false
    foreach ($line in $lines) {
        if ($line -match '^```') {
            $inFence = -not $inFence
            if ($inFence) { $fences++ }
            elseif ($fences -gt 1 -and $sample.Count) {
                if ($prose.Count) { foreach ($p in Get-Paragraphs $prose) { $remarks.Add($p) }; $prose.Clear() }
                $remarks.Add(($sample -join "`n")); $sample.Clear()
            }
            continue
        }
        if ($inFence -and $fences -eq 1) { $code.Add($line) }
        elseif ($inFence) { $sample.Add($line) }
        elseif ($fences -ge 1) { $prose.Add($line) }
    }
    foreach ($p in Get-Paragraphs $prose) { $remarks.Add($p) }
    [pscustomobject]@{ Code = ($code -join "`n").Trim(); Remarks = $remarks }
}

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
New-Item -ItemType Directory -Path (Split-Path $OutputFile) -Force | Out-Null
$writer = [System.Xml.XmlWriter]::Create($OutputFile, $settings)

function Write-Paras([string] $prefix, [string] $element, $paragraphs) {
    $writer.WriteStartElement($prefix, $element, $ns[$prefix])
    foreach ($p in @($paragraphs)) { if ($p) { $writer.WriteElementString('maml', 'para', $ns.maml, $p) } }
    $writer.WriteEndElement()
}

function Get-TypeName([type] $type) {
    if ($type -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    $name = $type.Name
    if ($type.IsGenericType -and $type.GetGenericTypeDefinition() -eq [Nullable`1]) { $name = $type.GetGenericArguments()[0].Name }
    if ($type.Namespace -eq 'Sendense') { $name = "Sendense.$name" }
    $name
}

function Write-Parameter($parameter, $setInfo, [string] $description) {
    $pipeline = @()
    if ($setInfo.ValueFromPipeline) { $pipeline += 'ByValue' }
    if ($setInfo.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
    $pipelineText = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
    $position = if ($setInfo.Position -ge 0) { [string]$setInfo.Position } else { 'named' }
    $globbing = [bool]($parameter.Attributes | Where-Object { $_.TypeId.Name -eq 'SupportsWildcardsAttribute' })
    $aliases = if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }
    $typeName = Get-TypeName $parameter.ParameterType

    $writer.WriteStartElement('command', 'parameter', $ns.command)
    $writer.WriteAttributeString('required', ([string]$setInfo.IsMandatory).ToLowerInvariant())
    $writer.WriteAttributeString('variableLength', ([string]$parameter.ParameterType.IsArray).ToLowerInvariant())
    $writer.WriteAttributeString('globbing', ([string]$globbing).ToLowerInvariant())
    $writer.WriteAttributeString('pipelineInput', $pipelineText)
    $writer.WriteAttributeString('position', $position)
    $writer.WriteAttributeString('aliases', $aliases)
    $writer.WriteElementString('maml', 'name', $ns.maml, $parameter.Name)
    Write-Paras 'maml' 'description' (Get-Paragraphs ($description -split "`n"))
    if ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $writer.WriteAttributeString('required', 'true')
        $writer.WriteAttributeString('variableLength', ([string]$parameter.ParameterType.IsArray).ToLowerInvariant())
        $writer.WriteString($typeName)
        $writer.WriteEndElement()
    }
    $writer.WriteStartElement('dev', 'type', $ns.dev)
    $writer.WriteElementString('maml', 'name', $ns.maml, $typeName)
    $writer.WriteEndElement()
    $writer.WriteElementString('dev', 'defaultValue', $ns.dev, 'None')
    $writer.WriteEndElement()
}

$missing = [System.Collections.Generic.List[string]]::new()
$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $source = Join-Path $SourceDirectory "$($command.Name).md"
    if (-not (Test-Path $source)) { $missing.Add($command.Name); continue }
    $doc = Read-HelpSource $source
    $section = { param($name) if ($doc.Contains($name)) { $doc[$name] } else { $null } }

    $writer.WriteStartElement('command', 'command', $ns.command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)

    $writer.WriteStartElement('command', 'details', $ns.command)
    $writer.WriteElementString('command', 'name', $ns.command, $command.Name)
    $writer.WriteElementString('command', 'verb', $ns.command, $command.Verb)
    $writer.WriteElementString('command', 'noun', $ns.command, $command.Noun)
    Write-Paras 'maml' 'description' (Get-Paragraphs (& $section 'SYNOPSIS').Text)
    $writer.WriteEndElement()

    Write-Paras 'maml' 'description' (Get-Paragraphs (& $section 'DESCRIPTION').Text)

    $parameterDocs = @{}
    $parameterSection = & $section 'PARAMETERS'
    if ($parameterSection) {
        foreach ($key in $parameterSection.Items.Keys) { $parameterDocs[$key.TrimStart('-')] = ($parameterSection.Items[$key] -join "`n").Trim() }
    }
    function Get-ParameterDescription([string] $name) {
        if ($parameterDocs.ContainsKey($name)) { return $parameterDocs[$name] }
        if ($standardDescriptions.ContainsKey($name)) { return $standardDescriptions[$name] }
        ''
    }

    $writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $command.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $writer.WriteElementString('maml', 'name', $ns.maml, $command.Name)
        foreach ($p in $set.Parameters | Where-Object { $commonParameters -notcontains $_.Name }) {
            Write-Parameter $command.Parameters[$p.Name] $p (Get-ParameterDescription $p.Name)
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($name in $command.Parameters.Keys | Where-Object { $commonParameters -notcontains $_ } | Sort-Object) {
        $parameter = $command.Parameters[$name]
        # The most permissive set for the parameters view: pipeline binding anywhere counts.
        $sets = $parameter.ParameterSets.Values
        $info = [pscustomobject]@{
            IsMandatory                     = [bool]($sets | Where-Object IsMandatory | Select-Object -First 1) -and -not ($sets | Where-Object { -not $_.IsMandatory })
            ValueFromPipeline               = [bool]($sets | Where-Object ValueFromPipeline)
            ValueFromPipelineByPropertyName = [bool]($sets | Where-Object ValueFromPipelineByPropertyName)
            Position                        = (@($sets | ForEach-Object Position) | Sort-Object -Descending | Select-Object -First 1)
        }
        Write-Parameter $parameter $info (Get-ParameterDescription $name)
    }
    $writer.WriteEndElement()

    foreach ($kind in @(@('INPUTS', 'inputTypes', 'inputType'), @('OUTPUTS', 'returnValues', 'returnValue'))) {
        $typesSection = & $section $kind[0]
        $writer.WriteStartElement('command', $kind[1], $ns.command)
        if ($typesSection) {
            foreach ($typeName in $typesSection.Items.Keys) {
                $writer.WriteStartElement('command', $kind[2], $ns.command)
                $writer.WriteStartElement('dev', 'type', $ns.dev)
                $writer.WriteElementString('maml', 'name', $ns.maml, $typeName)
                $writer.WriteEndElement()
                Write-Paras 'maml' 'description' (Get-Paragraphs $typesSection.Items[$typeName])
                $writer.WriteEndElement()
            }
        }
        $writer.WriteEndElement()
    }

    $notes = & $section 'NOTES'
    if ($notes) {
        $writer.WriteStartElement('maml', 'alertSet', $ns.maml)
        $writer.WriteStartElement('maml', 'alert', $ns.maml)
        foreach ($p in Get-Paragraphs $notes.Text) { $writer.WriteElementString('maml', 'para', $ns.maml, $p) }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'examples', $ns.command)
    $examples = & $section 'EXAMPLES'
    if ($examples) {
        foreach ($title in $examples.Items.Keys) {
            $example = Split-Example $examples.Items[$title]
            $writer.WriteStartElement('command', 'example', $ns.command)
            $writer.WriteElementString('maml', 'title', $ns.maml, "-------------------------- $title --------------------------")
            $writer.WriteElementString('dev', 'code', $ns.dev, $example.Code)
            Write-Paras 'dev' 'remarks' $example.Remarks
            $writer.WriteEndElement()
        }
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    $links = & $section 'RELATED LINKS'
    if ($links) {
        foreach ($line in $links.Text) {
            if ($line -match '^\s*[-*]\s*(.+)$') {
                $writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
                $writer.WriteElementString('maml', 'linkText', $ns.maml, $Matches[1].Trim())
                $writer.WriteElementString('maml', 'uri', $ns.maml, '')
                $writer.WriteEndElement()
            }
        }
    }
    $writer.WriteEndElement()

    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()

if ($missing.Count) {
    Write-Warning "No help source in docs/cmdlets for: $($missing -join ', '). Their Get-Help shows syntax only."
}
