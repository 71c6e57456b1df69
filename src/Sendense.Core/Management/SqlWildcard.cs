namespace Sendense.Core.Management;

/// <summary>How a -Name style value is matched in SQL.</summary>
public enum SqlMatchKind
{
    /// <summary>No wildcard: column = value (the column's collation: case-insensitive).</summary>
    Equals,

    /// <summary>* and ? only: column LIKE value ESCAPE '!'.</summary>
    Like,

    /// <summary>A [set] or [a-z] range: column REGEXP value (case-insensitive under the hub's collation).</summary>
    Regexp,
}

/// <summary>A PowerShell wildcard turned into a SQL predicate value. The value always travels as a parameter.</summary>
public readonly struct SqlMatch
{
    /// <summary>Creates a match.</summary>
    public SqlMatch(SqlMatchKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>The operator to use.</summary>
    public SqlMatchKind Kind { get; }

    /// <summary>The operand: the literal, the LIKE pattern or the regular expression.</summary>
    public string Value { get; }
}

/// <summary>
/// Translates PowerShell wildcards (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, backtick escapes) into SQL so
/// that filtering happens in the one query on the server. Characters LIKE treats specially (<c>%</c>, <c>_</c> and
/// the escape character itself) are escaped, so a VM literally named <c>50%_off</c> matches only itself.
/// </summary>
public static class SqlWildcard
{
    /// <summary>The LIKE escape character; fixed, so the meaning does not depend on the server's NO_BACKSLASH_ESCAPES mode.</summary>
    public const char LikeEscape = '!';

    /// <summary>Translates one pattern.</summary>
    public static SqlMatch Translate(string pattern)
    {
        if (pattern is null)
        {
            throw new ArgumentNullException(nameof(pattern));
        }

        bool hasSet = false;
        bool hasWildcard = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '`')
            {
                i++;
            }
            else if (c == '[' && i + 1 < pattern.Length && pattern.IndexOf(']', i + 1) > i)
            {
                hasSet = true;
            }
            else if (c is '*' or '?')
            {
                hasWildcard = true;
            }
        }

        if (hasSet)
        {
            return new SqlMatch(SqlMatchKind.Regexp, ToRegex(pattern));
        }

        return hasWildcard ? new SqlMatch(SqlMatchKind.Like, ToLike(pattern)) : new SqlMatch(SqlMatchKind.Equals, Unescape(pattern));
    }

    private static string Unescape(string pattern)
    {
        var text = new StringBuilder(pattern.Length);
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '`' && i + 1 < pattern.Length)
            {
                i++;
            }

            text.Append(pattern[i]);
        }

        return text.ToString();
    }

    private static string ToLike(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 8);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length)
            {
                AppendLikeLiteral(text, pattern[++i]);
            }
            else if (c == '*')
            {
                text.Append('%');
            }
            else if (c == '?')
            {
                text.Append('_');
            }
            else
            {
                AppendLikeLiteral(text, c);
            }
        }

        return text.ToString();
    }

    private static void AppendLikeLiteral(StringBuilder text, char c)
    {
        if (c is '%' or '_' or LikeEscape)
        {
            text.Append(LikeEscape);
        }

        text.Append(c);
    }

    private static string ToRegex(string pattern)
    {
        var text = new StringBuilder("^", pattern.Length + 8);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length)
            {
                AppendRegexLiteral(text, pattern[++i]);
            }
            else if (c == '*')
            {
                text.Append(".*");
            }
            else if (c == '?')
            {
                text.Append('.');
            }
            else if (c == '[' && pattern.IndexOf(']', i + 1) is int close && close > i + 1)
            {
                text.Append('[');
                for (int j = i + 1; j < close; j++)
                {
                    char member = pattern[j];
                    bool isRange = member == '-' && j > i + 1 && j < close - 1;
                    if (!isRange && member is '\\' or '^' or '[' or ']' or '-')
                    {
                        text.Append('\\');
                    }

                    text.Append(member);
                }

                text.Append(']');
                i = close;
            }
            else
            {
                AppendRegexLiteral(text, c);
            }
        }

        return text.Append('$').ToString();
    }

    private static void AppendRegexLiteral(StringBuilder text, char c)
    {
        if ("\\^$.|?*+()[]{}".IndexOf(c) >= 0)
        {
            text.Append('\\');
        }

        text.Append(c);
    }
}
