using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sendense.Hub.Groups;

namespace Sendense.PowerShell.Completers;

/// <summary>Tab completion of protection group names from the connected hub (one indexed query, 2 s at most).</summary>
public sealed class ProtectionGroupNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        NameCompletion.Complete(fakeBoundParameters, wordToComplete,
            (hub, prefix, token) => ProtectionGroupEngine.CompleteGroupNamesAsync(hub, prefix, NameCompletion.Limit, token));
}
