using Sendense.Core.Management;
using Xunit;

namespace Sendense.Tests.Core;

public sealed class SqlWildcardTests
{
    [Theory]
    [InlineData("web01", SqlMatchKind.Equals, "web01")]
    [InlineData("50%_off", SqlMatchKind.Equals, "50%_off")]
    [InlineData("web*", SqlMatchKind.Like, "web%")]
    [InlineData("w?b*", SqlMatchKind.Like, "w_b%")]
    [InlineData("50%_*", SqlMatchKind.Like, "50!%!_%")]
    [InlineData("a!b*", SqlMatchKind.Like, "a!!b%")]
    [InlineData("star`*name", SqlMatchKind.Equals, "star*name")]
    [InlineData("star`**", SqlMatchKind.Like, "star*%")]
    [InlineData("web0[1-3]", SqlMatchKind.Regexp, "^web0[1-3]$")]
    [InlineData("[ab]x.y*", SqlMatchKind.Regexp, "^[ab]x\\.y.*$")]
    [InlineData("a(b)[c]", SqlMatchKind.Regexp, "^a\\(b\\)[c]$")]
    [InlineData("q`[x]", SqlMatchKind.Equals, "q[x]")]
    public void Translates_PowerShell_wildcards(string pattern, SqlMatchKind kind, string value)
    {
        SqlMatch match = SqlWildcard.Translate(pattern);
        Assert.Equal(kind, match.Kind);
        Assert.Equal(value, match.Value);
    }
}
