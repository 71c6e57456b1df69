# Assembles out/Sendense, the exact layout that ships:
#   Sendense.psd1, *.ps1xml, en-US/          module metadata, views, help
#   Sendense.PowerShell.dll, Sendense.Core.dll  cmdlets and the core, loaded into the default context
#   Sendense.LoadContext.dll                  PowerShell 7's private load context (not used on 5.1)
#   dependencies/                             the hub engine and third-party assemblies, isolated (see DependencyResolver)

# The only assemblies allowed into dependencies/: a new one must be added here on purpose, and the module's notes
# must say why it is needed.
$script:AllowedDependencies = @(
    'Sendense.Hub'
    'MySqlConnector'
    'Dapper'
    'BouncyCastle.Cryptography'   # AES-256-GCM for the hub's stored vCenter passwords (Sendense.Hub/Credentials)
    'Microsoft.Extensions.Logging.Abstractions'
    'Microsoft.Extensions.DependencyInjection.Abstractions'
    'Microsoft.Bcl.AsyncInterfaces'
    'System.Buffers'
    'System.Diagnostics.DiagnosticSource'
    'System.Memory'
    'System.Numerics.Vectors'
    'System.Reflection.Emit.ILGeneration'
    'System.Reflection.Emit.Lightweight'
    'System.Runtime.CompilerServices.Unsafe'
    'System.Threading.Tasks.Extensions'
)
$script:RootAssemblies = @('Sendense.PowerShell', 'Sendense.Core', 'Sendense.LoadContext')

function Get-ModuleVersion {
    param([string] $RepoRoot)
    [xml] $props = Get-Content (Join-Path $RepoRoot 'Directory.Build.props') -Raw
    $version = $props.Project.PropertyGroup | ForEach-Object { $_.ModuleVersion } | Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no ModuleVersion.' }
    $version
}

function Invoke-ModuleBuild {
    param(
        [Parameter(Mandatory)][string] $RepoRoot,
        [string] $Configuration = 'Release'
    )
    $objDir = Join-Path $RepoRoot 'out/obj'
    $publish = Join-Path $objDir 'publish'
    $loader = Join-Path $objDir 'loadcontext'
    $moduleOut = Join-Path $RepoRoot 'out/Sendense'
    Write-Host "Building Sendense ($Configuration)..."

    foreach ($dir in $publish, $loader) { if (Test-Path $dir) { Remove-Item $dir -Recurse -Force } }
    Invoke-DotNet publish (Join-Path $RepoRoot 'src/Sendense.PowerShell/Sendense.PowerShell.csproj') -c $Configuration -o $publish --nologo -v quiet
    Invoke-DotNet publish (Join-Path $RepoRoot 'src/Sendense.LoadContext/Sendense.LoadContext.csproj') -c $Configuration -o $loader --nologo -v quiet

    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $dependencies = Join-Path $moduleOut 'dependencies'
    New-Item -ItemType Directory -Path $dependencies -Force | Out-Null

    foreach ($name in $script:RootAssemblies) {
        $from = if ($name -eq 'Sendense.LoadContext') { $loader } else { $publish }
        Copy-Item (Join-Path $from "$name.dll") $moduleOut
        if (Test-Path (Join-Path $from "$name.pdb")) { Copy-Item (Join-Path $from "$name.pdb") $moduleOut }
    }

    $unexpected = @()
    foreach ($file in Get-ChildItem $publish -Filter '*.dll') {
        $name = $file.BaseName
        if ($script:RootAssemblies -contains $name) { continue }
        if ($name -eq 'System.Management.Automation') { throw 'System.Management.Automation.dll reached the publish folder: PowerShellStandard.Library must stay a compile-time reference.' }
        if ($script:AllowedDependencies -notcontains $name) { $unexpected += $name; continue }
        Copy-Item $file.FullName $dependencies
        $pdb = [System.IO.Path]::ChangeExtension($file.FullName, '.pdb')
        if (Test-Path $pdb) { Copy-Item $pdb $dependencies }
    }
    if ($unexpected) {
        throw "Unexpected assemblies in the module's dependencies: $($unexpected -join ', '). Add them to `$AllowedDependencies in tools/tasks/ModuleBuild.ps1 on purpose, or remove the reference."
    }
    foreach ($name in $script:AllowedDependencies) {
        if (-not (Test-Path (Join-Path $dependencies "$name.dll"))) { throw "The module build lacks dependencies/$name.dll." }
    }

    $moduleSource = Join-Path $RepoRoot 'module/Sendense'
    Copy-Item (Join-Path $moduleSource '*') $moduleOut -Recurse -Force

    # One version: Directory.Build.props. The manifest in the repository carries a placeholder that is stamped here.
    $version = Get-ModuleVersion $RepoRoot
    $manifest = Join-Path $moduleOut 'Sendense.psd1'
    $text = [System.IO.File]::ReadAllText($manifest)
    $text = $text -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion = '$version'"
    [System.IO.File]::WriteAllText($manifest, $text)

    Build-ModuleHelp -RepoRoot $RepoRoot -ModuleOut $moduleOut
    Write-Host "Module ready: $moduleOut (version $version)"
}

function Build-ModuleHelp {
    # MAML help from docs/cmdlets/*.md, generated in a fresh pwsh that imports the freshly built module (so the
    # build process itself never loads the module's assemblies).
    param([string] $RepoRoot, [string] $ModuleOut)
    $exit = Invoke-ChildPwsh -RepoRoot $RepoRoot -File (Join-Path $RepoRoot 'tools/help/New-ModuleHelp.ps1') -Arguments @(
        '-ModulePath', (Join-Path $ModuleOut 'Sendense.psd1'),
        '-SourceDirectory', (Join-Path $RepoRoot 'docs/cmdlets'),
        '-OutputFile', (Join-Path $ModuleOut 'en-US/Sendense.PowerShell.dll-Help.xml'))
    if ($exit -ne 0) { throw "Generating the module help failed (exit $exit)." }
}
