namespace Sendense.Core.Flows;

/// <summary>The read-only listings by -Name (repositories, policies): the query narrows, the one Wildcard decides, literal misses are failures.</summary>
internal static class FlowListing
{
    internal static async Task ByNameAsync<T>(IReadOnlyList<string> names, Func<IReadOnlyList<SqlPattern>, Task<IReadOnlyList<T>>> list, Func<T, string> nameOf,
        string what, string hub, IOutcomeObserver<T> observer)
    {
        List<Wildcard> patterns = (names ?? throw new ArgumentNullException(nameof(names))).Select(n => new Wildcard(n.Trim())).ToList();
        IReadOnlyList<T> rows = await Groups.GroupErrors.StopOnFailure(list(patterns.Select(p => p.ToSql()).ToList())).ConfigureAwait(false);
        List<T> matched = rows.Where(row => patterns.Count == 0 || patterns.Any(p => p.IsMatch(nameOf(row)))).ToList();
        matched.ForEach(row => observer.Outcome(Outcome.Of<T>(row, row)));
        foreach (Wildcard literal in patterns.Where(p => !p.HasWildcards && !matched.Any(row => p.IsMatch(nameOf(row)))))
        {
            SendenseErrorCode code = typeof(T) == typeof(BackupPolicy) ? SendenseErrorCode.ProtectionFlowPolicyNotFound : SendenseErrorCode.ProtectionFlowRepositoryNotFound;
            observer.Outcome(Outcome.Fail<T>(literal.Pattern, new SendenseException(code,
                $"No {what} named '{HubText.ForMessage(literal.Pattern)}' on hub {hub}. Leave -Name out to list them all.")));
        }
    }
}
