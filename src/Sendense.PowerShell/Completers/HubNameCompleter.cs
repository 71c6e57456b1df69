using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace Sendense.PowerShell.Completers;

/// <summary>
/// The one completer base: every completer of the module asks the hub for names starting with what was typed and
/// returns them quoted by one rule. The hub is the -Hub already typed on the command line, else
/// $global:DefaultSendenseHub. Completion must never fail or hang the prompt: no hub, an error or more than two
/// seconds simply offer nothing. The quoting rule: a name is single-quoted when PowerShell would otherwise parse it
/// (spaces, quotes, $, backtick, brackets...), and, for a parameter that takes wildcards, its wildcard characters
/// are escaped with a backtick so that the completed value matches only that name.
/// </summary>
public abstract class HubNameCompleter : IArgumentCompleter
{
    /// <summary>The most names offered.</summary>
    protected const int Limit = 200;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<(string, string), bool> WildcardParameters = new ConcurrentDictionary<(string, string), bool>();
    private static readonly char[] Special = " \t'\"`$(){}[];,|&<>@#*?".ToCharArray();

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            HubConnection? hub = FindHub(fakeBoundParameters);
            if (hub is null)
            {
                return Array.Empty<CompletionResult>();
            }

            string prefix = Unquote(wordToComplete ?? string.Empty);
            using var deadline = new CancellationTokenSource(Deadline);
            Task<IReadOnlyList<CompletionItem>> query = Task.Run(() => QueryAsync(hub, prefix, deadline.Token), deadline.Token);
            if (!query.Wait(Deadline))
            {
                return Array.Empty<CompletionResult>();
            }

            bool wildcards = TakesWildcards(commandName, parameterName);
            return query.Result
                .Select(item => new CompletionResult(Quote(item.Name, wildcards), item.Name, CompletionResultType.ParameterValue, item.ToolTip ?? item.Name))
                .ToList();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not StackOverflowException)
        {
            // A completer has nowhere to report errors; offering nothing is the expected behaviour.
            return Array.Empty<CompletionResult>();
        }
    }

    /// <summary>The names starting with <paramref name="prefix"/> (literal text, compared as the hub does), at most <see cref="Limit"/>.</summary>
    protected abstract Task<IReadOnlyList<CompletionItem>> QueryAsync(HubConnection hub, string prefix, CancellationToken cancellationToken);

    /// <summary>Plain names without tool tips.</summary>
    protected static IReadOnlyList<CompletionItem> Items(IEnumerable<string> names) => names.Select(name => new CompletionItem(name, null)).ToList();

    /// <summary>How a name is typed: escaped wildcards where the parameter takes them, single quotes where PowerShell would parse it.</summary>
    internal static string Quote(string name, bool escapeWildcards)
    {
        string value = escapeWildcards ? Wildcard.Escape(name) : name;
        return value.IndexOfAny(Special) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }

    private static string Unquote(string word)
    {
        if (word.Length == 0 || (word[0] != '\'' && word[0] != '"'))
        {
            return word;
        }

        string inner = word.Substring(1);
        if (inner.Length > 0 && inner[inner.Length - 1] == word[0])
        {
            inner = inner.Substring(0, inner.Length - 1);
        }

        return word[0] == '\'' ? inner.Replace("''", "'") : inner;
    }

    private static HubConnection? FindHub(IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters is not null && fakeBoundParameters.Contains("Hub") && Unwrap(fakeBoundParameters["Hub"]) is HubConnection given)
        {
            return given.IsConnected ? given : null;
        }

        if (Runspace.DefaultRunspace is null)
        {
            return null;
        }

        // A nested pipeline on the runspace doing the completion: the documented way to read session state here.
        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Get-Variable").AddParameter("Name", HubSessionState.DefaultVariableName).AddParameter("Scope", "Global")
            .AddParameter("ValueOnly").AddParameter("ErrorAction", "Ignore");
        HubConnection? hub = shell.Invoke().Select(Unwrap).OfType<HubConnection>().FirstOrDefault();
        return hub is { IsConnected: true } ? hub : null;
    }

    // Whether the parameter being completed says [SupportsWildcards]: then a completed name must be escaped.
    private static bool TakesWildcards(string commandName, string parameterName) =>
        WildcardParameters.GetOrAdd((commandName ?? string.Empty, parameterName ?? string.Empty), key =>
        {
            using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            CommandInfo? command = shell.AddCommand("Get-Command").AddParameter("Name", key.Item1).AddParameter("ErrorAction", "Ignore")
                .Invoke().Select(o => o.BaseObject).OfType<CommandInfo>().FirstOrDefault();
            return command?.Parameters is { } parameters && parameters.TryGetValue(key.Item2, out ParameterMetadata? metadata)
                && metadata.Attributes.OfType<SupportsWildcardsAttribute>().Any();
        });

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}

/// <summary>One name a completer offers, with an optional tool tip.</summary>
/// <param name="Name">The name.</param>
/// <param name="ToolTip">What the list shows beside it; the name when null.</param>
public sealed record CompletionItem(string Name, string? ToolTip);
