namespace Sendense.Core.Common;

/// <summary>How a <see cref="Wildcard"/> compares letters.</summary>
public enum NameComparison
{
    /// <summary>As the hub's columns do (<see cref="HubCollation"/>): names stored in the hub.</summary>
    Hub,

    /// <summary>Case-insensitively, as PowerShell does: names read from vCenter.</summary>
    IgnoreCase,
}

/// <summary>
/// The one wildcard of the module: a -Name value as PowerShell users write it (<c>*</c>, <c>?</c>, <c>[abc]</c>,
/// <c>[a-z]</c>, backtick escapes), matched against the whole name. It never refuses a pattern: a <c>[</c> without its
/// <c>]</c> is a literal character, so <c>-Name '['</c> means the name "[" in every cmdlet. The same pattern matches in
/// memory (<see cref="IsMatch"/>) and narrows a query (<see cref="ToSql"/>), and both agree: the SQL form may let more
/// through (a character set becomes a single-character LIKE), never less, and callers decide with IsMatch.
/// </summary>
public sealed class Wildcard
{
    private readonly IReadOnlyList<WildcardToken> _tokens;
    private readonly NameComparison _comparison;
    // Built on the first IsMatch: a pattern that only narrows a query (ToSql, ToLike) never pays for a regex, and
    // neither does a process's first hub command (Regex construction is several milliseconds of JIT there).
    private System.Text.RegularExpressions.Regex? _regex;

    /// <summary>Parses a pattern.</summary>
    public Wildcard(string pattern, NameComparison comparison = NameComparison.Hub)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        _comparison = comparison;
        _tokens = WildcardToken.Parse(pattern);
        HasWildcards = _tokens.Any(t => t.Kind != WildcardTokenKind.Literal);
        Literal = HasWildcards ? null : string.Concat(_tokens.Select(t => t.Text));
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>False for a plain name: a plain name that matches nothing is worth an error ("not found").</summary>
    public bool HasWildcards { get; }

    /// <summary>The name itself when the pattern has no wildcards (backtick escapes removed); else null.</summary>
    public string? Literal { get; }

    /// <summary>True when <paramref name="text"/> matches the whole pattern.</summary>
    public bool IsMatch(string? text)
    {
        if (text is null)
        {
            return false;
        }

        if (!HasWildcards)
        {
            return _comparison == NameComparison.Hub
                ? HubCollation.Equal(text, Literal)
                : string.Equals(text, Literal, StringComparison.OrdinalIgnoreCase);
        }

        // A race builds two equal regexes; either one is right.
        _regex ??= WildcardToken.ToRegex(_tokens, Fold);
        return _regex.IsMatch(Fold(text));
    }

    /// <summary>The pattern as a SQL predicate value (always sent as a parameter).</summary>
    public SqlPattern ToSql() => HasWildcards
        ? new SqlPattern(SqlPatternKind.Like, WildcardToken.ToLike(_tokens))
        : new SqlPattern(SqlPatternKind.Equals, Literal!);

    /// <summary>The pattern as a LIKE operand (a plain name too, with LIKE's own characters escaped).</summary>
    public string ToLike() => WildcardToken.ToLike(_tokens);

    /// <summary>True when the text has an unescaped <c>*</c> or <c>?</c>, or a <c>[</c> that opens a set.</summary>
    public static bool ContainsWildcards(string pattern) => new Wildcard(pattern).HasWildcards;

    /// <summary>Escapes literal text so that it matches only itself (for completion: a name typed so far).</summary>
    public static string Escape(string literal)
    {
        if (literal is null)
        {
            throw new ArgumentNullException(nameof(literal));
        }

        var escaped = new StringBuilder(literal.Length + 4);
        foreach (char c in literal)
        {
            if (c is '*' or '?' or '[' or ']' or '`')
            {
                escaped.Append('`');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Pattern;

    private string Fold(string text) => _comparison == NameComparison.Hub ? HubCollation.Fold(text) : text.ToUpperInvariant();
}
