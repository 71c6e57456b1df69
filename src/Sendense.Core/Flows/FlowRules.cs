using Sendense.Core.Groups;

namespace Sendense.Core.Flows;

/// <summary>
/// The rules of a protection flow's own values (contract §6): names as the group names (1-255 printable characters,
/// trimmed), a name template for several targets, descriptions that fit TEXT, target ids that fit varchar(64), and
/// who wrote the row.
/// </summary>
public static class FlowRules
{
    /// <summary>protection_flows.name is varchar(255).</summary>
    public const int NameMaxLength = 255;

    /// <summary>target_id is varchar(64).</summary>
    public const int TargetIdMaxLength = 64;

    /// <summary>The name a flow gets when -Name is not given: the target's name and "backup".</summary>
    public const string DefaultNameTemplate = "{Name} backup";

    /// <summary>The placeholders a name template may hold, replaced per target (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> Placeholders = new[] { "{Name}", "{VCenter}", "{Repository}" };

    /// <summary>Whether <paramref name="template"/> makes a different name per target.</summary>
    public static bool IsTemplate(string template) =>
        Placeholders.Any(p => (template ?? string.Empty).IndexOf(p, StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>The name of one target's flow: the template with its placeholders replaced, then checked.</summary>
    public static string NameFor(string template, string targetName, string? vCenter, string repositoryName)
    {
        string name = Replace(Replace(Replace(template ?? string.Empty, "{Name}", targetName), "{VCenter}", vCenter ?? string.Empty),
            "{Repository}", repositoryName);
        return NormalizeName(name);
    }

    /// <summary>Trims and checks a flow name (the shared printable-name rule).</summary>
    public static string NormalizeName(string? name)
    {
        string trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw Messages.Flows.NameInvalid("A protection flow needs a name. Give one with -Name (leading and trailing spaces are removed).");
        }

        int length = HubText.CodePointLength(trimmed);
        if (length > NameMaxLength)
        {
            throw Messages.Flows.NameInvalid($"The protection flow name '{HubText.ForMessage(trimmed)}' is {length} characters long; the hub allows at most {NameMaxLength}.");
        }

        string? unprintable = DisplayName.FindUnprintable(trimmed);
        return unprintable is null ? trimmed
            : throw Messages.Flows.NameInvalid($"The protection flow name '{HubText.ForMessage(trimmed)}' contains {unprintable}. Use a name of printable characters.");
    }

    /// <summary>Trims a description; empty is none (NULL, never ''); longer than TEXT holds is an error.</summary>
    public static string? NormalizeDescription(string? description)
    {
        string? trimmed = description?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        int bytes = Encoding.UTF8.GetByteCount(trimmed);
        return bytes <= ProtectionGroupRules.DescriptionMaxBytes ? trimmed
            : throw Messages.Flows.ValueInvalid($"The description is {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes long in UTF-8; the hub stores at most 65,535.");
    }

    /// <summary>created_by of the rows this module writes: a real actor, as contract §6.2 asks (upstream writes 'system').</summary>
    public static string CreatedBy(string? userName)
    {
        string user = string.IsNullOrWhiteSpace(userName) ? "unknown" : userName!.Trim();
        return HubText.TruncateCodePoints("powershell:" + user, 255);
    }

    /// <summary>The hub's names, compared as protection_flows does in the cases that matter: case and trailing spaces.</summary>
    public static string NameKey(string name) => HubCollation.Fold((name ?? string.Empty).TrimEnd(' '));

    private static string Replace(string text, string placeholder, string value)
    {
        var result = new StringBuilder();
        int start = 0;
        int at;
        while ((at = text.IndexOf(placeholder, start, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            result.Append(text, start, at - start).Append(value);
            start = at + placeholder.Length;
        }

        return result.Append(text, start, text.Length - start).ToString();
    }
}
