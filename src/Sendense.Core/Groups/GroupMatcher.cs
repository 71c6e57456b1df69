namespace Sendense.Core.Groups;

/// <summary>
/// Matches what a user typed (a -Group identity, a -Schedule value) to the rows the store found for it. The queries
/// select by the hub's collation, and so does every comparison here (<see cref="HubKeyComparer"/>), so a row found is
/// a row matched; when the hub's idea of "the same name" goes beyond letter case (café for cafe), <see cref="Note"/>
/// words a verbose line about it (D10).
/// </summary>
internal static class GroupMatcher
{
    /// <summary>The values to look groups up by, each once.</summary>
    internal static IReadOnlyList<string> LookupValues(IEnumerable<ProtectionGroupIdentity> identities) =>
        identities.Select(identity => identity.Value).Distinct(HubKeyComparer.Instance).ToList();

    /// <summary>The identity's group: an id match wins over a name match; an identity from an object matches only by id.</summary>
    internal static ProtectionGroup? Match(ProtectionGroupIdentity identity, IReadOnlyList<ProtectionGroup> candidates) =>
        candidates.FirstOrDefault(group => HubKeyComparer.Instance.Equals(group.Id, identity.Value))
        ?? (identity.IsExactId ? null : candidates.FirstOrDefault(group => HubCollation.Equal(group.Name, identity.Value)));

    /// <summary>The schedule a -Schedule value names (an id match first), or the ScheduleNotFound error.</summary>
    internal static ScheduleReference Schedule(string schedule, ScheduleLookup lookup) =>
        lookup.Matches.FirstOrDefault(found => HubKeyComparer.Instance.Equals(found.Id, schedule))
        ?? lookup.Matches.FirstOrDefault(found => HubCollation.Equal(found.Name, schedule))
        ?? throw GroupErrors.ScheduleNotFound(schedule, lookup.Known);

    /// <summary>A verbose line when <paramref name="given"/> found <paramref name="found"/> only because the hub folds more than case; else null.</summary>
    internal static string? Note(string what, string given, string found) => HubCollation.EqualOnlyToTheHub(given, found)
        ? $"'{given}' matched {what} '{found}': the hub compares names ignoring case and accents ({HubCollation.Name})."
        : null;
}
