namespace Sendense.Hub.Common;

/// <summary>
/// Text that needs no escaping in a single-quoted SQL literal under any sql_mode or connection character set: ASCII
/// letters, digits, the space and a few punctuation marks. Not a quote of either kind, not a backslash (an escape
/// character unless NO_BACKSLASH_ESCAPES), not a control character, nothing outside ASCII, and neither of the driver's
/// placeholder characters ('?' and '@'), so a reader of the SQL never has to ask whether one is a parameter. Checked,
/// never changed: a value with anything else goes to the driver as a parameter.
/// </summary>
internal static class PlainText
{
    private const string Punctuation = " .-_:/[]()+,#=~";

    private static readonly bool[] Allowed = Build();

    /// <summary>Whether every character of the value is plain.</summary>
    internal static bool Is(string value)
    {
        foreach (char c in value)
        {
            if (c >= Allowed.Length || !Allowed[c])
            {
                return false;
            }
        }

        return true;
    }

    private static bool[] Build()
    {
        var allowed = new bool[128];
        for (char c = '0'; c <= '9'; c++)
        {
            allowed[c] = true;
        }

        for (char c = 'A'; c <= 'Z'; c++)
        {
            allowed[c] = true;
            allowed[char.ToLowerInvariant(c)] = true;
        }

        foreach (char c in Punctuation)
        {
            allowed[c] = true;
        }

        return allowed;
    }
}
