namespace Sendense.Core.Groups;

/// <summary>
/// Ids and names as dictionary keys, equal exactly when the hub's utf8mb4_general_ci columns call them equal
/// (<see cref="HubCollation"/>: case, accents and trailing spaces ignored). The group queries select by the same
/// collation, so matching their rows in memory by any other rule would lose rows the query found (café for cafe).
/// </summary>
internal sealed class HubKeyComparer : StringComparer
{
    private HubKeyComparer()
    {
    }

    /// <summary>The one instance.</summary>
    internal static HubKeyComparer Instance { get; } = new HubKeyComparer();

    /// <inheritdoc />
    public override int Compare(string? x, string? y) =>
        x is null || y is null ? (x is null ? 0 : 1) - (y is null ? 0 : 1) : HubCollation.Compare(x, y);

    /// <inheritdoc />
    public override bool Equals(string? x, string? y) => HubCollation.Equal(x, y);

    /// <inheritdoc />
    public override int GetHashCode(string obj) => HubCollation.HashCode(obj ?? string.Empty);
}
