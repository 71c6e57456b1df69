namespace Sendense.Tests.Core.Common;

/// <summary>The one wildcard: PowerShell's syntax, the hub's way of comparing, a SQL form that agrees with it.</summary>
public sealed class WildcardTests
{
    [Theory]
    [InlineData("web*", "WEB01", true)]
    [InlineData("web?", "web1", true)]
    [InlineData("web?", "web12", false)]
    [InlineData("db[0-9]", "db7", true)]
    [InlineData("db[0-9]", "dbx", false)]
    [InlineData("db[abc]", "dbB", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("a`*", "a*", true)]
    [InlineData("a`*", "ab", false)]
    [InlineData("[d]*", "db", true)]
    [InlineData("x[\\d]", "x5", false)]
    [InlineData("Exact", "exact", true)]
    [InlineData("Exact", "exactly", false)]
    [InlineData("[", "[", true)]
    [InlineData("[", "x", false)]
    [InlineData("a[b", "a[b", true)]
    [InlineData("[]", "[]", true)]
    [InlineData("q`[x]", "q[x]", true)]
    [InlineData("50%_off", "50%_off", true)]
    [InlineData("50%_off", "50ab_off", false)]
    public void Follows_PowerShell_syntax_and_never_refuses_a_pattern(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new Wildcard(pattern).IsMatch(text));

    [Theory]
    [InlineData("cafe", "café", true)]
    [InlineData("caf*", "CAFÉ", true)]
    [InlineData("app-🐧", "app-🚀", true)]
    [InlineData("app-?", "app-🚀", true)]
    [InlineData("strase", "Straße", true)]
    [InlineData("web01", "web01  ", true)]
    [InlineData("o", "ø", false)]
    public void Compares_names_as_the_hub_does(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new Wildcard(pattern).IsMatch(text));

    [Theory]
    [InlineData("cafe", "café", false)]
    [InlineData("Web01", "web01", true)]
    [InlineData("web*", "WEB-x", true)]
    public void Compares_vCenter_names_case_insensitively_only(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new Wildcard(pattern, NameComparison.IgnoreCase).IsMatch(text));

    [Theory]
    [InlineData("web01", SqlPatternKind.Equals, "web01")]
    [InlineData("50%_off", SqlPatternKind.Equals, "50%_off")]
    [InlineData("web*", SqlPatternKind.Like, "web%")]
    [InlineData("w?b*", SqlPatternKind.Like, "w_b%")]
    [InlineData("50%_*", SqlPatternKind.Like, "50!%!_%")]
    [InlineData("a!b*", SqlPatternKind.Like, "a!!b%")]
    [InlineData("star`*name", SqlPatternKind.Equals, "star*name")]
    [InlineData("star`**", SqlPatternKind.Like, "star*%")]
    [InlineData("web0[1-3]", SqlPatternKind.Like, "web0_")]
    [InlineData("[", SqlPatternKind.Equals, "[")]
    public void Narrows_a_query_with_equals_or_like(string pattern, SqlPatternKind kind, string value)
    {
        SqlPattern sql = new Wildcard(pattern).ToSql();
        Assert.Equal(kind, sql.Kind);
        Assert.Equal(value, sql.Value);
    }

    [Theory]
    [InlineData("Web", "Web")]
    [InlineData("100%_off!", "100!%!_off!!")]
    [InlineData("lit`*eral", "lit*eral")]
    public void Gives_every_pattern_a_like_form(string pattern, string like) => Assert.Equal(like, new Wildcard(pattern).ToLike());

    [Theory]
    [InlineData("web01", false)]
    [InlineData("web*", true)]
    [InlineData("web`*", false)]
    [InlineData("db[1]", true)]
    [InlineData("[", false)]
    public void Tells_plain_names_from_patterns(string pattern, bool hasWildcards) =>
        Assert.Equal(hasWildcards, Wildcard.ContainsWildcards(pattern));

    [Theory]
    [InlineData("a*b")]
    [InlineData("[x]?")]
    [InlineData("back`tick")]
    public void Escaped_text_matches_only_itself(string literal)
    {
        var wildcard = new Wildcard(Wildcard.Escape(literal));
        Assert.False(wildcard.HasWildcards);
        Assert.True(wildcard.IsMatch(literal));
    }
}
