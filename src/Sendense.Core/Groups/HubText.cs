using System.Globalization;

namespace Sendense.Core.Groups;

/// <summary>
/// Text equality as the hub's utf8mb4_general_ci columns see it, for checking what a query matched: case and
/// accents ignored, trailing spaces ignored.
/// </summary>
public static class HubText
{
    /// <summary>True when the hub would consider the two values equal.</summary>
    public static bool Equal(string? left, string? right) =>
        string.Compare(left?.TrimEnd(' '), right?.TrimEnd(' '), CultureInfo.InvariantCulture,
            CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;
}
