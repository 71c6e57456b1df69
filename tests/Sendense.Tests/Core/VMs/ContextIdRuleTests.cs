using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

public sealed class ContextIdRuleTests
{
    private static readonly DateTime Now = new DateTime(2025, 10, 6, 20, 34, 1);

    [Fact]
    public void The_plain_form_is_upstreams_ctx_name_stamp()
    {
        Assert.Equal("ctx-pgtest1-20251006-203401", ContextIdRule.Plain("pgtest1", ContextIdRule.Stamp(Now)));
        Assert.Equal("ctx-PhilB Test machine-20251006-203401", ContextIdRule.Plain("PhilB Test machine", ContextIdRule.Stamp(Now)));
    }

    [Fact]
    public void A_44_character_name_still_fits_and_45_does_not()
    {
        string stamp = ContextIdRule.Stamp(Now);
        Assert.Equal(64, ContextIdRule.Plain(new string('a', 44), stamp)!.Length);
        Assert.Null(ContextIdRule.Plain(new string('a', 45), stamp));
    }

    [Fact]
    public void Length_counts_characters_as_MariaDB_does_so_emoji_count_once()
    {
        string name = string.Concat(System.Linq.Enumerable.Repeat("\U0001F600", 44));
        Assert.NotNull(ContextIdRule.Plain(name, ContextIdRule.Stamp(Now)));
    }

    [Theory]
    [InlineData(45)]
    [InlineData(255)]
    public void The_suffixed_form_is_at_most_64_characters_and_keeps_the_shape(int nameLength)
    {
        string id = ContextIdRule.WithSuffix(new string('x', nameLength), "vc01", "4203a8c1-0000-1111-2222-333344445555", ContextIdRule.Stamp(Now));
        Assert.Equal(64, HubText.CodePointLength(id));
        Assert.Matches("^ctx-x{35}-[0-9a-f]{8}-20251006-203401$", id);
    }

    [Fact]
    public void The_suffix_never_splits_a_surrogate_pair()
    {
        string name = "a" + string.Concat(System.Linq.Enumerable.Repeat("\U0001F600", 60));
        string id = ContextIdRule.WithSuffix(name, "vc", "u", ContextIdRule.Stamp(Now));
        Assert.True(HubText.IsWellFormed(id));
        Assert.True(HubText.CodePointLength(id) <= 64);
    }

    [Fact]
    public void The_suffix_is_stable_and_ignores_case_like_the_hub_collation()
    {
        Assert.Equal(ContextIdRule.IdentitySuffix("VC01.lab", "ABC"), ContextIdRule.IdentitySuffix("vc01.lab", "abc"));
        Assert.NotEqual(ContextIdRule.IdentitySuffix("vc01.lab", "abc"), ContextIdRule.IdentitySuffix("vc02.lab", "abc"));
        Assert.Matches("^[0-9a-f]{8}$", ContextIdRule.IdentitySuffix("vc", "u"));
    }

    [Theory]
    [InlineData("line1\nline2", "ctx-line1_line2-20251006-203401")]
    [InlineData("tab\there", "ctx-tab_here-20251006-203401")]
    [InlineData("nul\0x", "ctx-nul_x-20251006-203401")]
    [InlineData("evil\u202Egnp.exe", "ctx-evil_gnp.exe-20251006-203401")]
    [InlineData("zero\u200Bwidth", "ctx-zero_width-20251006-203401")]
    [InlineData("web 01 🚀", "ctx-web 01 🚀-20251006-203401")]
    public void Control_and_bidirectional_characters_never_enter_a_context_id(string name, string expected)
    {
        Assert.Equal(expected, ContextIdRule.Plain(name, ContextIdRule.Stamp(Now)));
        string suffixed = ContextIdRule.WithSuffix(name, "vc", "u", ContextIdRule.Stamp(Now));
        Assert.Null(DisplayName.FindUnprintable(suffixed));
    }
}
