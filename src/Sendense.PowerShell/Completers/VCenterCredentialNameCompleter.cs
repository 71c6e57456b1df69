using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sendense.Hub.Credentials;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Completers;

/// <summary>
/// Tab completion of stored vCenter credential names, read from the hub given with -Hub or the default connection.
/// Completion must never hang or fail loudly: without a hub, on any error or after two seconds it offers nothing.
/// </summary>
public sealed class VCenterCredentialNameCompleter : IArgumentCompleter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        HubConnection? hub = HubFrom(fakeBoundParameters);
        if (hub is null || !hub.IsConnected)
        {
            return Array.Empty<CompletionResult>();
        }

        IReadOnlyList<VCenterCredential> credentials;
        try
        {
            // Not disposed: on a timeout the query may still hold the token; the source fires and is collected.
            var cancel = new CancellationTokenSource(Timeout);
            Task<IReadOnlyList<VCenterCredential>> list = Task.Run(() => VCenterCredentialEngine.ListAsync(hub, cancel.Token));
            if (!list.Wait(Timeout))
            {
                return Array.Empty<CompletionResult>();
            }

            credentials = list.Result;
        }
        catch (Exception)
        {
            // A completer has nowhere to report errors; offering nothing is the expected behaviour.
            return Array.Empty<CompletionResult>();
        }

        string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = new WildcardPattern(WildcardPattern.Escape(typed) + "*", WildcardOptions.IgnoreCase);
        return credentials
            .Where(c => pattern.IsMatch(c.Name))
            .Select(c => new CompletionResult(Quote(c.Name), c.Name, CompletionResultType.ParameterValue, Tooltip(c)))
            .ToList();
    }

    private static HubConnection? HubFrom(IDictionary fakeBoundParameters)
    {
        object? given = fakeBoundParameters?["Hub"];
        if ((given is PSObject wrapped ? wrapped.BaseObject : given) is HubConnection hub)
        {
            return hub;
        }

        // Completers run while the runspace is busy completing, so the variable is read through a nested pipeline
        // on the current runspace rather than through SessionStateProxy (which refuses while a pipeline runs).
        try
        {
            using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            shell.AddScript("$global:" + HubSessionState.DefaultVariableName, useLocalScope: false);
            object? global = shell.Invoke().FirstOrDefault()?.BaseObject;
            return global as HubConnection;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static readonly char[] NeedsQuotes = { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#', '<', '>' };

    private static string Quote(string name) =>
        name.IndexOfAny(NeedsQuotes) >= 0
            ? "'" + name.Replace("'", "''") + "'"
            : name;

    private static string Tooltip(VCenterCredential c) =>
        $"{c.Name}: {c.UserName} at {c.VCenter}, datacenter {c.Datacenter}" +
        (c.IsDefault ? " (default)" : string.Empty) + (c.IsActive ? string.Empty : " (inactive)");
}
