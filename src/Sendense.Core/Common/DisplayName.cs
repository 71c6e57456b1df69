namespace Sendense.Core.Common;

/// <summary>
/// The rule for names people type and read in the hub GUI (protection groups, flows, stored credentials): printable
/// text only. Refused, with the code point named: control characters (a line break cannot be shown or typed), a lone
/// surrogate (no UTF-8 form: the driver would silently store U+FFFD), and invisible format characters that make two
/// names look alike or a name read backwards: zero-width spaces and joiners (U+200B-U+200D, U+2060, U+FEFF) and the
/// bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). VM names are exempt: they are
/// vCenter's, kept as vCenter has them (see ContextIdRule for what may enter a context id).
/// </summary>
public static class DisplayName
{
    /// <summary>The first character that makes <paramref name="value"/> unfit, as "U+202E (right-to-left override)", or null.</summary>
    public static string? FindUnprintable(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            string? why = Describe(c);
            if (why is not null)
            {
                return $"U+{(int)c:X4} ({why})";
            }
        }

        return null;
    }

    /// <summary>True when the character may not appear in a display name, nor in a context id.</summary>
    public static bool IsUnprintable(char c) => Describe(c) is not null;

    /// <summary>Text safe to put in a message: unprintable characters shown as \u escapes.</summary>
    public static string Escape(string value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (Describe(c) is not null)
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string? Describe(char c)
    {
        if (char.IsControl(c))
        {
            return "a control character";
        }

        if (char.IsSurrogate(c))
        {
            return "half of a surrogate pair, which has no UTF-8 form";
        }

        return c switch
        {
            '\u200B' => "zero-width space",
            '\u200C' => "zero-width non-joiner",
            '\u200D' => "zero-width joiner",
            '\u2060' => "word joiner",
            '\uFEFF' => "zero-width no-break space",
            >= '\u202A' and <= '\u202E' => "a bidirectional embedding or override",
            >= '\u2066' and <= '\u2069' => "a bidirectional isolate",
            _ => null,
        };
    }
}
