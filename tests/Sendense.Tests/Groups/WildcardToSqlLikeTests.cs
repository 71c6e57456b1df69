using Sendense.Core.Groups;
using Xunit;

namespace Sendense.Tests.Groups;

public sealed class WildcardToSqlLikeTests
{
    [Theory]
    [InlineData("Web", "Web")]
    [InlineData("web*", "web%")]
    [InlineData("w?b*", "w_b%")]
    [InlineData("100%_off!", "100!%!_off!!")]
    [InlineData("lit`*eral", "lit*eral")]
    public void Converts_wildcards_and_escapes_like_characters(string wildcard, string like) =>
        Assert.Equal(like, WildcardToSqlLike.Convert(wildcard));

    [Fact]
    public void Character_classes_have_no_like_form() => Assert.Null(WildcardToSqlLike.Convert("web[0-9]"));

    [Theory]
    [InlineData("web", false)]
    [InlineData("web*", true)]
    [InlineData("web`*", false)]
    [InlineData("[ab]", true)]
    public void Detects_wildcards(string pattern, bool has) => Assert.Equal(has, WildcardToSqlLike.HasWildcard(pattern));
}
