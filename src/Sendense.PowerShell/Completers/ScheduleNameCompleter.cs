using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sendense.Hub.Groups;

namespace Sendense.PowerShell.Completers;

/// <summary>Tab completion of replication schedule names from the connected hub.</summary>
public sealed class ScheduleNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        NameCompletion.Complete(fakeBoundParameters, wordToComplete,
            (hub, prefix, token) => ProtectionGroupEngine.CompleteScheduleNamesAsync(hub, prefix, NameCompletion.Limit, token));
}
