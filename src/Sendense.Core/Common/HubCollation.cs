namespace Sendense.Core.Common;

/// <summary>
/// How the hub's text columns compare values: utf8mb4_general_ci, the collation of every hub table the module joins
/// (upstream-contract §1.1). Case and accents are ignored (é = e, ß = s, ς = σ), every character outside the Basic
/// Multilingual Plane weighs the same (app-🐧 = app-🚀), and trailing spaces do not count. What is not folded stays
/// distinct (ø ≠ o, æ ≠ ae, ł ≠ l). The module uses this one rule wherever it decides in memory whether two names
/// are the same to the hub, so that what a query matched and what a cmdlet reports always agree; xUnit checks it
/// against the server itself.
/// </summary>
public static class HubCollation
{
    /// <summary>The name of the collation, for messages.</summary>
    public const string Name = "utf8mb4_general_ci";

    /// <summary>True when the hub considers the two values equal (trailing spaces ignored).</summary>
    public static bool Equal(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return Compare(left, right) == 0;
    }

    /// <summary>
    /// Orders two non-null values by their keys (<see cref="Fold"/> of each without its trailing spaces), ordinally,
    /// without building the keys: dictionaries of thousands of ids and names compare this way on every lookup.
    /// </summary>
    internal static int Compare(string left, string right)
    {
        int leftEnd = TrimmedLength(left);
        int rightEnd = TrimmedLength(right);
        int i = 0;
        int j = 0;
        while (i < leftEnd && j < rightEnd)
        {
            int difference = NextUnit(left, leftEnd, ref i) - NextUnit(right, rightEnd, ref j);
            if (difference != 0)
            {
                return difference;
            }
        }

        return (i < leftEnd ? 1 : 0) - (j < rightEnd ? 1 : 0);
    }

    /// <summary>A hash of the value's key (FNV-1a over the folded units), equal for values <see cref="Equal"/> calls equal.</summary>
    internal static int HashCode(string value)
    {
        int end = TrimmedLength(value);
        uint hash = 2166136261;
        for (int i = 0; i < end;)
        {
            hash = (hash ^ NextUnit(value, end, ref i)) * 16777619;
        }

        return (int)hash;
    }

    /// <summary>
    /// True when the hub considers the values equal although they differ in more than letter case: the cases a
    /// message should point out, because a user would not expect them (café and cafe, two different emoji).
    /// </summary>
    public static bool EqualOnlyToTheHub(string? left, string? right) =>
        Equal(left, right) && !string.Equals(left?.TrimEnd(' '), right?.TrimEnd(' '), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The comparison key of a value: one UTF-16 unit per code point, each the upper-case base letter of its
    /// canonical decomposition, U+FFFD for every supplementary character. Trailing spaces are kept (LIKE sees them).
    /// </summary>
    public static string Fold(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var key = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length;)
        {
            key.Append(NextUnit(value, value.Length, ref i));
        }

        return key.ToString();
    }

    // The key unit at value[i] (a surrogate pair is one U+FFFD), moving i past what it weighed.
    private static char NextUnit(string value, int end, ref int i)
    {
        char c = value[i++];
        if (char.IsHighSurrogate(c) && i < end && char.IsLowSurrogate(value[i]))
        {
            i++;
            return '\uFFFD';
        }

        return FoldChar(c);
    }

    private static int TrimmedLength(string value)
    {
        int end = value.Length;
        while (end > 0 && value[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    /// <summary>One character's weight.</summary>
    public static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
        }

        if (char.IsSurrogate(c))
        {
            return '\uFFFD';
        }

        // Two letters whose general_ci weight is not their invariant upper case: ß weighs as S, dotless ı as I.
        if (c == 'ß')
        {
            return 'S';
        }

        if (c == 'ı')
        {
            return 'I';
        }

        string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToUpperInvariant(decomposed[0]);
    }
}
