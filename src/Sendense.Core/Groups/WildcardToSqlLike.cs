namespace Sendense.Core.Groups;

/// <summary>
/// Turns a PowerShell wildcard into a SQL LIKE pattern so name filters run in the hub database. The escape
/// character is '!' (used with ESCAPE '!'), not the backslash, which means different things under the
/// NO_BACKSLASH_ESCAPES sql_mode. Character classes ([a-c]) have no LIKE equivalent: those patterns return null and the caller filters
/// on the client instead.
/// </summary>
public static class WildcardToSqlLike
{
    /// <summary>The LIKE escape character the patterns use; queries must say ESCAPE '!'.</summary>
    public const char EscapeCharacter = '!';

    /// <summary>True when the text has wildcard characters (*, ?, [) that are not escaped with a backtick.</summary>
    public static bool HasWildcard(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '`')
            {
                i++;
            }
            else if (c is '*' or '?' or '[')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The LIKE pattern, or null when the wildcard uses a character class.</summary>
    public static string? Convert(string pattern)
    {
        var like = new StringBuilder(pattern.Length + 4);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    AppendLiteral(like, pattern[++i]);
                    break;
                case '*':
                    like.Append('%');
                    break;
                case '?':
                    like.Append('_');
                    break;
                case '[':
                    return null;
                default:
                    AppendLiteral(like, c);
                    break;
            }
        }

        return like.ToString();
    }

    private static void AppendLiteral(StringBuilder like, char c)
    {
        if (c is '%' or '_' or EscapeCharacter)
        {
            like.Append(EscapeCharacter);
        }

        like.Append(c);
    }
}
