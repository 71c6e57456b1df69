namespace Sendense.Core.Common;

/// <summary>How a <see cref="Wildcard"/> narrows a query.</summary>
public enum SqlPatternKind
{
    /// <summary>No wildcard: <c>column = value</c> under the column's collation.</summary>
    Equals,

    /// <summary><c>column LIKE value ESCAPE '!'</c>.</summary>
    Like,
}

/// <summary>A wildcard as a SQL predicate value; the value always travels as a parameter.</summary>
public readonly struct SqlPattern : IEquatable<SqlPattern>
{
    /// <summary>
    /// The LIKE escape character: fixed, so the meaning does not depend on the server's NO_BACKSLASH_ESCAPES mode.
    /// </summary>
    public const char LikeEscape = '!';

    /// <summary>Creates a pattern.</summary>
    public SqlPattern(SqlPatternKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>The operator.</summary>
    public SqlPatternKind Kind { get; }

    /// <summary>The operand: the literal or the LIKE pattern.</summary>
    public string Value { get; }

    /// <summary>The predicate over <paramref name="column"/> with <paramref name="parameter"/> as the operand.</summary>
    public string Predicate(string column, string parameter) => Kind == SqlPatternKind.Equals
        ? $"{column} = {parameter}"
        : $"{column} LIKE {parameter} ESCAPE '{LikeEscape}'";

    /// <inheritdoc />
    public bool Equals(SqlPattern other) => Kind == other.Kind && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SqlPattern other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Kind * 397) ^ StringComparer.Ordinal.GetHashCode(Value ?? string.Empty);

    /// <summary>Equality.</summary>
    public static bool operator ==(SqlPattern left, SqlPattern right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SqlPattern left, SqlPattern right) => !left.Equals(right);
}
