namespace Sendense.PowerShell.Parameters;

/// <summary>
/// The parameter set names several cmdlets share, spelled once: users meet them in Get-Command -Syntax and in help,
/// and a set means the same thing whichever cmdlet has it. A name only one cmdlet uses stays on that cmdlet.
/// </summary>
internal static class ParameterSets
{
    /// <summary>Objects piped from the previous cmdlet of the workflow (-InputObject).</summary>
    internal const string InputObject = "InputObject";

    /// <summary>Selected by name (-Name).</summary>
    internal const string Name = "Name";

    /// <summary>Selected by id (-Id).</summary>
    internal const string Id = "Id";

    /// <summary>Selected by filters, every one optional (all of them when none is given).</summary>
    internal const string Filter = "Filter";
}
