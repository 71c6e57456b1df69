using System.Text.RegularExpressions;

namespace Sendense.Core.Common;

/// <summary>The kinds of pieces a <see cref="Wildcard"/> is made of.</summary>
internal enum WildcardTokenKind
{
    Literal,
    AnyRun,
    AnyOne,
    Set,
}

/// <summary>One piece of a wildcard pattern, and the translations of a parsed pattern to a regex and to LIKE.</summary>
/// <param name="Kind">What the piece is.</param>
/// <param name="Text">The literal text, or the members of a set (ranges as "a-z", escapes removed).</param>
internal sealed record WildcardToken(WildcardTokenKind Kind, string Text)
{
    /// <summary>Splits a pattern; a '[' that no ']' closes (or that closes at once) is a literal.</summary>
    internal static List<WildcardToken> Parse(string pattern)
    {
        var tokens = new List<WildcardToken>();
        var literal = new StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length)
            {
                literal.Append(pattern[++i]);
                continue;
            }

            int close = c == '[' ? SetEnd(pattern, i) : -1;
            if (c is not ('*' or '?') && close < 0)
            {
                literal.Append(c);
                continue;
            }

            Flush(tokens, literal);
            if (close >= 0)
            {
                tokens.Add(new WildcardToken(WildcardTokenKind.Set, SetMembers(pattern, i + 1, close)));
                i = close;
            }
            else
            {
                tokens.Add(new WildcardToken(c == '*' ? WildcardTokenKind.AnyRun : WildcardTokenKind.AnyOne, string.Empty));
            }
        }

        Flush(tokens, literal);
        return tokens;
    }

    /// <summary>An anchored regex over folded text; literals and set members are folded the same way.</summary>
    internal static Regex ToRegex(IReadOnlyList<WildcardToken> tokens, Func<string, string> fold)
    {
        var regex = new StringBuilder("^");
        foreach (WildcardToken token in tokens)
        {
            switch (token.Kind)
            {
                case WildcardTokenKind.AnyRun:
                    regex.Append(".*");
                    break;
                case WildcardTokenKind.AnyOne:
                    regex.Append('.');
                    break;
                case WildcardTokenKind.Set:
                    regex.Append('[');
                    string members = fold(token.Text);
                    for (int i = 0; i < members.Length; i++)
                    {
                        bool range = members[i] == '-' && i > 0 && i < members.Length - 1;
                        if (range)
                        {
                            regex.Append('-');
                        }
                        else
                        {
                            // Every member as a \uXXXX escape: no character can change the class's meaning.
                            regex.Append("\\u").Append(((int)members[i]).ToString("X4", CultureInfo.InvariantCulture));
                        }
                    }

                    regex.Append(']');
                    break;
                default:
                    regex.Append(Regex.Escape(fold(token.Text)));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>A LIKE pattern (escape character <see cref="SqlPattern.LikeEscape"/>) that lets through at least every match.</summary>
    internal static string ToLike(IReadOnlyList<WildcardToken> tokens)
    {
        var like = new StringBuilder();
        foreach (WildcardToken token in tokens)
        {
            switch (token.Kind)
            {
                case WildcardTokenKind.AnyRun:
                    like.Append('%');
                    break;
                case WildcardTokenKind.AnyOne:
                case WildcardTokenKind.Set:
                    like.Append('_');
                    break;
                default:
                    foreach (char c in token.Text)
                    {
                        if (c is '%' or '_' or SqlPattern.LikeEscape)
                        {
                            like.Append(SqlPattern.LikeEscape);
                        }

                        like.Append(c);
                    }

                    break;
            }
        }

        return like.ToString();
    }

    private static void Flush(List<WildcardToken> tokens, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            tokens.Add(new WildcardToken(WildcardTokenKind.Literal, literal.ToString()));
            literal.Clear();
        }
    }

    // The index of the ']' that closes the set opened at 'open', or -1 when the '[' is a literal character.
    private static int SetEnd(string pattern, int open)
    {
        for (int j = open + 1; j < pattern.Length; j++)
        {
            if (pattern[j] == '`')
            {
                j++;
            }
            else if (pattern[j] == ']')
            {
                return j > open + 1 ? j : -1;
            }
        }

        return -1;
    }

    private static string SetMembers(string pattern, int first, int close)
    {
        var members = new StringBuilder(close - first);
        for (int j = first; j < close; j++)
        {
            if (pattern[j] == '`' && j + 1 < close)
            {
                j++;
            }

            members.Append(pattern[j]);
        }

        return members.ToString();
    }
}
