namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// ShouldProcess for one high-impact change asked by a cmdlet of lower impact (Update-SendenseVM -RemoveMissing
/// removes VMs, as Remove-SendenseVM does at ConfirmImpact High). PowerShell prompts when the impact reaches
/// $ConfirmPreference (High by default); a compiled cmdlet's ShouldProcess only knows the cmdlet's own impact, so the
/// rule is applied here: -WhatIf says what would happen, -Confirm prompts once (through ShouldProcess), -Confirm:$false
/// or a $ConfirmPreference of None does not prompt, and otherwise the user is asked.
/// </summary>
internal static class HighImpactConfirmation
{
    internal static bool ShouldProcess(PSCmdlet cmdlet, string target, string action)
    {
        if (!cmdlet.ShouldProcess(target, action))
        {
            return false;
        }

        if (cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm") || WhatIfMode.IsOn(cmdlet))
        {
            // -Confirm prompted already; -Confirm:$false asked for no prompt.
            return true;
        }

        ConfirmImpact preference = cmdlet.GetVariableValue("ConfirmPreference") switch
        {
            ConfirmImpact impact => impact,
            PSObject { BaseObject: ConfirmImpact impact } => impact,
            string text when Enum.TryParse(text, ignoreCase: true, out ConfirmImpact parsed) => parsed,
            _ => ConfirmImpact.High,
        };
        return preference == ConfirmImpact.None || preference > ConfirmImpact.High
            || cmdlet.ShouldContinue($"Performing the operation \"{action}\" on target \"{target}\".", "Confirm");
    }
}
