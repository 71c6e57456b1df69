using System.Text.RegularExpressions;

namespace Sendense.Core.Discovery;

/// <summary>
/// A PowerShell wildcard pattern (* ? [abc] [a-z], backtick escapes), matched case-insensitively against the whole
/// text, the way -Name parameters behave everywhere in PowerShell. Lives in the core so the same rules apply in
/// xUnit-tested services and cmdlets.
/// </summary>
public sealed class Wildcard
{
    private readonly Regex? _regex;

    /// <summary>Compiles a pattern.</summary>
    public Wildcard(string pattern)
    {
        Pattern = pattern ?? string.Empty;
        HasWildcards = ContainsWildcards(Pattern);
        if (HasWildcards)
        {
            _regex = new Regex(ToRegex(Pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
        else
        {
            Literal = Unescape(Pattern);
        }
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>False for a plain name: then no match is an error worth reporting ("not found").</summary>
    public bool HasWildcards { get; }

    private string? Literal { get; }

    /// <summary>True when the text matches.</summary>
    public bool IsMatch(string text) =>
        _regex is not null ? _regex.IsMatch(text) : string.Equals(text, Literal, System.StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the pattern has an unescaped *, ? or [.</summary>
    public static bool ContainsWildcards(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '`')
            {
                i++;
                continue;
            }

            if (c == '*' || c == '?' || c == '[')
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Pattern;

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

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^", pattern.Length * 2 + 2);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    int close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    regex.Append('[');
                    for (int j = i + 1; j < close; j++)
                    {
                        char inner = pattern[j];
                        if (inner == '`' && j + 1 < close)
                        {
                            AppendSetChar(regex, pattern[++j]);
                        }
                        else if (inner == '-' && j > i + 1 && j < close - 1)
                        {
                            regex.Append('-');
                        }
                        else
                        {
                            AppendSetChar(regex, inner);
                        }
                    }

                    regex.Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    // Inside a character class every literal is written as a \uXXXX escape: no character can change the class's meaning.
    private static void AppendSetChar(StringBuilder regex, char c) =>
        regex.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
}
