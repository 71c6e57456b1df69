function Invoke-ModulePackage {
    # Filled in by issue 7 (a PowerShell Gallery-ready nupkg). Until then the task says so instead of pretending.
    param([Parameter(Mandatory)][string] $RepoRoot)
    throw 'The Package task is not implemented yet: it arrives with the module polish work (issue 7).'
}
