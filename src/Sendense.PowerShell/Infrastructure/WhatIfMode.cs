namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Whether the current invocation runs under -WhatIf (or $WhatIfPreference). Cmdlets that output the objects they
/// leave unchanged need this: ShouldProcess answers only for the changes, and -WhatIf must output nothing.
/// </summary>
internal static class WhatIfMode
{
    internal static bool IsOn(PSCmdlet cmdlet)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? bound))
        {
            return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
        }

        return LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));
    }
}
