using System.Collections;
using System.Management.Automation;

namespace Sendense.PowerShell.Completers;

/// <summary>The shared part: find the hub, query with a deadline, quote the results; never throw into the console.</summary>
internal static class NameCompletion
{
    internal const int Limit = 200;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    internal static IEnumerable<CompletionResult> Complete(IDictionary fakeBoundParameters, string wordToComplete,
        Func<HubConnection, string, CancellationToken, Task<IReadOnlyList<string>>> query)
    {
        try
        {
            HubConnection? hub = CompleterHub.Find(fakeBoundParameters);
            if (hub is null)
            {
                return Array.Empty<CompletionResult>();
            }

            string prefix = CompleterHub.Prefix(wordToComplete);
            using var deadline = new CancellationTokenSource(Deadline);
            IReadOnlyList<string> names = Task.Run(() => query(hub, prefix, deadline.Token), deadline.Token).GetAwaiter().GetResult();
            return names.Select(name => new CompletionResult(CompleterHub.Quote(name), name, CompletionResultType.ParameterValue, name)).ToList();
        }
        catch (Exception exception) when (exception is not StackOverflowException and not OutOfMemoryException)
        {
            // A completer has no way to report errors; an unreachable hub simply offers nothing.
            return Array.Empty<CompletionResult>();
        }
    }
}
