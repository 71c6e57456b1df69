namespace Sendense.Core.Discovery;

/// <summary>
/// vCenter escapes three characters in entity names: '/' as %2f, '\' as %5c and '%' as %25 (ManagedEntity.name).
/// Paths are built from the escaped names (so '/' stays a separator, as the hub's vm_path does); names shown to a
/// person are unescaped. Any other '%' sequence is left as it is.
/// </summary>
public static class InventoryName
{
    /// <summary>The display form of an escaped entity name.</summary>
    public static string Unescape(string escaped)
    {
        if (escaped.IndexOf('%') < 0)
        {
            return escaped;
        }

        var text = new StringBuilder(escaped.Length);
        for (int i = 0; i < escaped.Length; i++)
        {
            char c = escaped[i];
            if (c == '%' && i + 2 < escaped.Length)
            {
                char a = escaped[i + 1];
                char b = char.ToLowerInvariant(escaped[i + 2]);
                if (a == '2' && b == 'f') { text.Append('/'); i += 2; continue; }
                if (a == '5' && b == 'c') { text.Append('\\'); i += 2; continue; }
                if (a == '2' && b == '5') { text.Append('%'); i += 2; continue; }
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static readonly char[] EscapedCharacters = { '%', '/', '\\' };

    /// <summary>The escaped form of a display name (the inverse of <see cref="Unescape"/>).</summary>
    public static string Escape(string display)
    {
        if (display.IndexOfAny(EscapedCharacters) < 0)
        {
            return display;
        }

        var text = new StringBuilder(display.Length + 8);
        foreach (char c in display)
        {
            switch (c)
            {
                case '%': text.Append("%25"); break;
                case '/': text.Append("%2f"); break;
                case '\\': text.Append("%5c"); break;
                default: text.Append(c); break;
            }
        }

        return text.ToString();
    }
}
