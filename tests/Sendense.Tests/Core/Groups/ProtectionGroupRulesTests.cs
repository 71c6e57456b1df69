using Sendense.Core.Groups;

namespace Sendense.Tests.Core.Groups;

/// <summary>The validation the hub lacks: names, description, ranges, and the GUI capacity rule.</summary>
public sealed class ProtectionGroupRulesTests
{
    [Theory]
    [InlineData("Web", "Web")]
    [InlineData("  Web tier  ", "Web tier")]
    [InlineData("\tDB\u00a0", "DB")]
    public void Names_are_trimmed(string given, string stored) => Assert.Equal(stored, ProtectionGroupRules.NormalizeName(given));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string? name)
    {
        var error = Assert.Throws<SendenseException>(() => ProtectionGroupRules.NormalizeName(name));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNameInvalid, error.Code);
        Assert.Contains("-Name", error.Message);
    }

    [Fact]
    public void A_name_may_have_255_characters_counted_as_the_database_counts_them()
    {
        Assert.Equal(255, ProtectionGroupRules.NormalizeName(new string('a', 255)).Length);

        // 255 emoji are 510 UTF-16 units but 255 characters for varchar(255).
        string emoji = string.Concat(System.Linq.Enumerable.Repeat("\U0001F680", 255));
        Assert.Equal(emoji, ProtectionGroupRules.NormalizeName(emoji));

        var error = Assert.Throws<SendenseException>(() => ProtectionGroupRules.NormalizeName(new string('a', 256)));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNameInvalid, error.Code);
        Assert.Contains("256 characters", error.Message);
        Assert.Contains("at most 255", error.Message);
    }

    [Fact]
    public void Control_characters_are_refused_and_shown_harmlessly()
    {
        var error = Assert.Throws<SendenseException>(() => ProtectionGroupRules.NormalizeName("Web\ntier"));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNameInvalid, error.Code);
        Assert.Contains("U+000A", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    // Code points, not strings: xUnit would turn a lone surrogate in InlineData into U+FFFD, the very bug (D12).
    [Theory]
    [InlineData(0x202E)]
    [InlineData(0x200B)]
    [InlineData(0x2066)]
    [InlineData(0xFEFF)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    public void Bidi_overrides_zero_width_characters_and_lone_surrogates_are_refused_naming_the_code_point(int character)
    {
        string name = "Web" + (char)character + "tier";
        string codePoint = $"U+{character:X4}";
        var error = Assert.Throws<SendenseException>(() => ProtectionGroupRules.NormalizeName(name));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNameInvalid, error.Code);
        Assert.Contains(codePoint, error.Message);
        Assert.True(HubText.IsWellFormed(error.Message));
        Assert.Null(DisplayName.FindUnprintable(error.Message));
    }

    [Theory]
    [InlineData("Café 🚀")]
    [InlineData("שלום")]
    [InlineData("日本語のグループ")]
    public void Printable_names_in_any_script_and_emoji_pass(string name) => Assert.Equal(name, ProtectionGroupRules.NormalizeName(name));

    [Fact]
    public void An_empty_description_is_none_and_an_oversized_one_is_refused()
    {
        Assert.Null(ProtectionGroupRules.NormalizeDescription("   "));
        Assert.Equal("nightly", ProtectionGroupRules.NormalizeDescription(" nightly\n"));
        Assert.Equal(65535, ProtectionGroupRules.NormalizeDescription(new string('x', 65535))!.Length);

        // 'é' takes two bytes in UTF-8: 40,000 of them do not fit a TEXT column.
        var error = Assert.Throws<SendenseException>(() => ProtectionGroupRules.NormalizeDescription(new string('é', 40000)));
        Assert.Equal(SendenseErrorCode.ProtectionGroupValueOutOfRange, error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void Concurrency_outside_1_to_100_is_refused(int value)
    {
        var error = Assert.Throws<SendenseException>(() => ProtectionGroupRules.CheckMaxConcurrentVMs(value));
        Assert.Equal(SendenseErrorCode.ProtectionGroupValueOutOfRange, error.Code);
        Assert.Contains("1 to 100", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Priority_outside_0_to_100_is_refused(int value)
    {
        var error = Assert.Throws<SendenseException>(() => ProtectionGroupRules.CheckPriority(value, "MemberPriority"));
        Assert.Equal(SendenseErrorCode.ProtectionGroupValueOutOfRange, error.Code);
        Assert.StartsWith("MemberPriority", error.Message);
    }

    [Fact]
    public void The_defaults_are_the_hub_api_s()
    {
        var definition = new ProtectionGroupDefinition();
        Assert.Equal(5, definition.MaxConcurrentVMs);
        Assert.Equal(0, definition.Priority);
        Assert.Equal(50, definition.MemberPriority);
        Assert.Equal("machine-group-service", ProtectionGroupRules.CreatedBy);
        Assert.Equal("system", ProtectionGroupRules.AddedBy);
    }

    [Theory]
    [InlineData(4, 5, false)]
    [InlineData(5, 5, true)]
    [InlineData(5000, 10, true)]
    public void The_hub_gui_refuses_adds_once_members_reach_max_concurrent_vms(int members, int max, bool atCapacity) =>
        Assert.Equal(atCapacity, ProtectionGroupRules.IsAtHubGuiCapacity(members, max));

    [Fact]
    public void Group_identities_trim_text_and_keep_the_id_of_objects()
    {
        var byText = new ProtectionGroupIdentity("  Web ");
        Assert.Equal("Web", byText.Value);
        Assert.False(byText.IsExactId);

        var byObject = new ProtectionGroupIdentity(new ProtectionGroup { Id = "g-1", Name = "Web" });
        Assert.Equal("g-1", byObject.Value);
        Assert.True(byObject.IsExactId);
        Assert.Equal("Web", byObject.ToString());
        Assert.Throws<ArgumentException>(() => new ProtectionGroupIdentity(" "));
    }
}
