namespace Sendense.Core.Groups;

/// <summary>
/// What Get-SendenseProtectionGroup reports beside the groups it found. As Get-Process does: a name without wildcards
/// or an id that matched nothing is an error (a wildcard may match nothing), and a name that found a group only
/// because the hub folds more than letter case (cafe for café) is worth a verbose line (D10).
/// </summary>
internal static class GroupLookupMisses
{
    /// <summary>The inputs (as given) that matched nothing, each with its error.</summary>
    internal static IEnumerable<(string Input, SendenseException Error)> Of(IReadOnlyList<string> given, IReadOnlyList<Wildcard> patterns,
        IReadOnlyList<string> ids, IReadOnlyList<ProtectionGroup> groups)
    {
        for (int i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].Literal is string literal && !groups.Any(group => patterns[i].IsMatch(group.Name)))
            {
                yield return (given[i], new SendenseException(SendenseErrorCode.ProtectionGroupNotFound,
                    $"The hub has no protection group named '{literal}'. List the groups with Get-SendenseProtectionGroup."));
            }
        }

        foreach (string id in ids.Where(id => !groups.Any(group => HubKeyComparer.Instance.Equals(group.Id, id))))
        {
            yield return (id, new SendenseException(SendenseErrorCode.ProtectionGroupNotFound, $"The hub has no protection group with id '{id}'."));
        }
    }

    /// <summary>A verbose line for each literal name that matched a group spelled differently beyond letter case.</summary>
    internal static IEnumerable<string> Notes(IReadOnlyList<Wildcard> patterns, IReadOnlyList<ProtectionGroup> groups) =>
        patterns.Where(pattern => pattern.Literal is not null)
            .SelectMany(pattern => groups.Where(found => pattern.IsMatch(found.Name))
                .Select(found => GroupMatcher.Note("protection group", pattern.Literal!, found.Name)))
            .OfType<string>();
}
