namespace Sendense.Hub.Groups;

/// <summary>Which groups to read: a group matching any of the lists is returned.</summary>
internal sealed class GroupFilter
{
    /// <summary>SQL LIKE patterns (escape character '!') on the name.</summary>
    internal IReadOnlyList<string>? NameLikes { get; init; }

    /// <summary>Exact ids.</summary>
    internal IReadOnlyList<string>? Ids { get; init; }

    /// <summary>Values that may be an id or a name.</summary>
    internal IReadOnlyList<string>? IdsOrNames { get; init; }
}
