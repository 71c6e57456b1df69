namespace Sendense.Core.Common;

/// <summary>
/// String facts as MariaDB sees them. A utf8mb4 VARCHAR(n) holds n characters, where a character is a Unicode code
/// point: an emoji counts once, not as the two UTF-16 units .NET counts. Limits are checked this way so that a
/// 255-character name with emoji is accepted and a 256-character one is refused before anything is sent.
/// </summary>
public static class HubText
{
    /// <summary>The number of Unicode code points in <paramref name="value"/>.</summary>
    public static int CodePointLength(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        int length = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            length++;
        }

        return length;
    }

    /// <summary>The first <paramref name="maxCodePoints"/> code points, never splitting a surrogate pair.</summary>
    public static string TruncateCodePoints(string value, int maxCodePoints)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        int codePoints = 0;
        int i = 0;
        while (i < value.Length && codePoints < maxCodePoints)
        {
            i += char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
            codePoints++;
        }

        return value.Substring(0, i);
    }

    /// <summary>
    /// False when the string holds a lone surrogate: such a string has no UTF-8 form, so MariaDB could not store it
    /// and the driver would silently replace the character.
    /// </summary>
    public static bool IsWellFormed(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A short printable form of a value for messages: long names are cut with an ellipsis.</summary>
    public static string ForMessage(string value, int maxCodePoints = 80)
    {
        if (value is null)
        {
            return string.Empty;
        }

        if (CodePointLength(value) <= maxCodePoints)
        {
            return value;
        }

        var text = new StringBuilder(TruncateCodePoints(value, maxCodePoints - 1));
        text.Append('…');
        return text.ToString();
    }
}
