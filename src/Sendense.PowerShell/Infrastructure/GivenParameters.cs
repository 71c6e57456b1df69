namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// What the user gave, as opposed to a parameter left at its default: Set- cmdlets change only the values given,
/// Get- cmdlets filter only on them, and New- cmdlets tell "no VMs given" from "VMs given, none arrived" (D14).
/// </summary>
internal static class GivenParameters
{
    /// <summary>Whether any of the parameters <paramref name="names"/> was given.</summary>
    internal static bool Any(PSCmdlet cmdlet, params string[] names) =>
        names.Any(cmdlet.MyInvocation.BoundParameters.ContainsKey);

    /// <summary>Whether input was piped or any of the parameters <paramref name="names"/> was given, even empty.</summary>
    internal static bool InputOrAny(PSCmdlet cmdlet, params string[] names) =>
        cmdlet.MyInvocation.ExpectingInput || Any(cmdlet, names);

    /// <summary><paramref name="value"/> when the parameter <paramref name="name"/> was given, else null.</summary>
    internal static T? Value<T>(PSCmdlet cmdlet, string name, T value)
        where T : struct =>
        Any(cmdlet, name) ? value : null;
}
