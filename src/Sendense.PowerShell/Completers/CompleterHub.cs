using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Sendense.PowerShell.Completers;

/// <summary>The hub a completer may query: the -Hub already typed on the command line, else $global:DefaultSendenseHub.</summary>
internal static class CompleterHub
{
    internal static HubConnection? Find(IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters.Contains("Hub") && Unwrap(fakeBoundParameters["Hub"]) is HubConnection given)
        {
            return given.IsConnected ? given : null;
        }

        if (Runspace.DefaultRunspace is null)
        {
            return null;
        }

        // A nested pipeline in the runspace that runs the completion: the documented way to read session state here.
        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Get-Variable").AddParameter("Name", "DefaultSendenseHub").AddParameter("Scope", "Global")
            .AddParameter("ValueOnly").AddParameter("ErrorAction", "Ignore");
        HubConnection? hub = shell.Invoke().Select(Unwrap).OfType<HubConnection>().FirstOrDefault();
        return hub is { IsConnected: true } ? hub : null;
    }

    /// <summary>What the user typed so far, without an opening quote.</summary>
    internal static string Prefix(string? wordToComplete)
    {
        string word = wordToComplete ?? string.Empty;
        return word.Length > 0 && (word[0] == '\'' || word[0] == '"') ? word.Substring(1).TrimEnd(word[0]) : word;
    }

    /// <summary>A name as the user must type it: single-quoted when it has spaces or characters PowerShell would parse.</summary>
    internal static string Quote(string name)
    {
        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return "'" + name.Replace("'", "''") + "'";
            }
        }

        return name;
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
