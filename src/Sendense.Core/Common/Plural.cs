namespace Sendense.Core.Common;

/// <summary>Counted nouns for messages: "1 VM", "12 VMs", "10,000 VMs".</summary>
public static class Plural
{
    /// <summary>The count (with thousands separators) and the noun, with an "s" unless the count is one.</summary>
    public static string Of(int count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>The first few names, then how many more: for ShouldProcess and verbose lines.</summary>
    public static string List(IEnumerable<string> names, int shown = 5)
    {
        List<string> all = (names ?? throw new ArgumentNullException(nameof(names))).ToList();
        string list = string.Join(", ", all.Take(shown));
        return all.Count > shown ? $"{list} and {(all.Count - shown).ToString("N0", CultureInfo.InvariantCulture)} more" : list;
    }
}
