using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Completers;

/// <summary>
/// Base of the completers that read the connected hub: the hub comes from -Hub on the command line being completed,
/// else $global:DefaultSendenseHub. Completion must never fail or hang the prompt, so any problem (no hub, a slow or
/// unreachable server) simply offers nothing, and the query is bounded to two seconds.
/// </summary>
public abstract class HubCompleter : IArgumentCompleter
{
    private const int MaxResults = 100;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            HubConnection? hub = FindHub(fakeBoundParameters);
            if (hub is null || !hub.IsConnected)
            {
                return Array.Empty<CompletionResult>();
            }

            (string prefix, char quote) = Unquote(wordToComplete ?? string.Empty);
            using var timeout = new CancellationTokenSource(Budget);
            Task<IReadOnlyList<string>> query = Task.Run(() => QueryAsync(hub, prefix, MaxResults, timeout.Token));
            if (!query.Wait(Budget))
            {
                return Array.Empty<CompletionResult>();
            }

            return query.Result.Select(value => new CompletionResult(Quote(value, quote), value, CompletionResultType.ParameterValue, value)).ToList();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Array.Empty<CompletionResult>();
        }
    }

    /// <summary>The values starting with the prefix.</summary>
    protected abstract Task<IReadOnlyList<string>> QueryAsync(HubConnection hub, string prefix, int limit, CancellationToken cancellationToken);

    private static HubConnection? FindHub(IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters is not null && fakeBoundParameters.Contains("Hub"))
        {
            object? bound = fakeBoundParameters["Hub"];
            if ((bound is PSObject wrapped ? wrapped.BaseObject : bound) is HubConnection given)
            {
                return given;
            }
        }

        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddScript("$global:" + HubSessionState.DefaultVariableName);
        object? value = shell.Invoke().FirstOrDefault()?.BaseObject;
        return value as HubConnection;
    }

    private static (string Prefix, char Quote) Unquote(string word)
    {
        if (word.Length > 0 && (word[0] == '\'' || word[0] == '"'))
        {
            string inner = word.Substring(1);
            if (inner.Length > 0 && inner[inner.Length - 1] == word[0])
            {
                inner = inner.Substring(0, inner.Length - 1);
            }

            return (word[0] == '\'' ? inner.Replace("''", "'") : inner, word[0]);
        }

        return (word, '\0');
    }

    // Names with spaces, quotes or PowerShell metacharacters come back single-quoted; wildcard characters are escaped,
    // because -Name treats them as wildcards.
    private static string Quote(string value, char typedQuote)
    {
        string escaped = WildcardPattern.Escape(value);
        bool needsQuotes = typedQuote != '\0' || escaped.Any(c => char.IsWhiteSpace(c) || "'\"`$(){}[];,|&<>@#".IndexOf(c) >= 0);
        return needsQuotes ? "'" + escaped.Replace("'", "''") + "'" : escaped;
    }
}
