namespace Sendense.Core.Groups;

/// <summary>
/// The rules a protection group must follow, and the defaults the hub writes. Upstream validates none of this (its
/// binding tags are never enforced, contract section 9.11), so a bad value from the module would reach the hub's
/// GUI and scheduler; these checks keep them out.
/// </summary>
public static class ProtectionGroupRules
{
    /// <summary>vm_machine_groups.name is varchar(255): characters (code points), not bytes.</summary>
    public const int NameMaxLength = 255;

    /// <summary>vm_machine_groups.description is TEXT: 65,535 bytes of UTF-8.</summary>
    public const int DescriptionMaxBytes = 65535;

    /// <summary>Lowest max_concurrent_vms. With 0 the hub's scheduler would never start a job for the group.</summary>
    public const int MinConcurrentVMs = 1;

    /// <summary>Highest max_concurrent_vms: the range the hub GUI's group forms accept.</summary>
    public const int MaxConcurrentVMs = 100;

    /// <summary>max_concurrent_vms when none is given: the hub API's default (its GUI proposes 10).</summary>
    public const int DefaultMaxConcurrentVMs = 5;

    /// <summary>Lowest group or member priority (the highest precedence).</summary>
    public const int MinPriority = 0;

    /// <summary>Highest group or member priority: the range the hub GUI accepts.</summary>
    public const int MaxPriority = 100;

    /// <summary>Group priority when none is given: the hub API's default (its GUI proposes 50).</summary>
    public const int DefaultPriority = 0;

    /// <summary>Member priority when none is given: what every membership the hub GUI creates carries.</summary>
    public const int DefaultMemberPriority = 50;

    /// <summary>created_by of groups: what the hub's group service writes when no creator is given.</summary>
    public const string CreatedBy = "machine-group-service";

    /// <summary>added_by of memberships: what the hub writes for every membership (its API ignores any other value).</summary>
    public const string AddedBy = "system";

    /// <summary>
    /// Trims a group name and checks it: required, at most 255 characters, and printable by the shared
    /// <see cref="DisplayName"/> rule: no control character (a name with a line break cannot be shown or typed in the
    /// hub GUI), no lone surrogate (the driver would store U+FFFD instead), no zero-width or bidirectional override
    /// character (two names that look alike, or one that reads backwards).
    /// </summary>
    public static string NormalizeName(string? name)
    {
        string trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw new SendenseException(SendenseErrorCode.ProtectionGroupNameInvalid,
                "A protection group needs a name. Give one with -Name (leading and trailing spaces are removed).");
        }

        int length = HubText.CodePointLength(trimmed);
        if (length > NameMaxLength)
        {
            throw new SendenseException(SendenseErrorCode.ProtectionGroupNameInvalid,
                $"The protection group name '{ForMessage(trimmed)}' is {length} characters long; the hub allows at most {NameMaxLength}.");
        }

        string? unprintable = DisplayName.FindUnprintable(trimmed);
        if (unprintable is not null)
        {
            throw new SendenseException(SendenseErrorCode.ProtectionGroupNameInvalid,
                $"The protection group name '{ForMessage(trimmed)}' contains {unprintable}. Use a name of printable characters.");
        }

        return trimmed;
    }

    /// <summary>Trims a description; empty means none (NULL, as the hub GUI stores it); longer than TEXT holds is an error.</summary>
    public static string? NormalizeDescription(string? description)
    {
        string? trimmed = description?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        int bytes = Encoding.UTF8.GetByteCount(trimmed);
        if (bytes > DescriptionMaxBytes)
        {
            throw new SendenseException(SendenseErrorCode.ProtectionGroupValueOutOfRange,
                $"The description is {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes long in UTF-8; the hub stores at most {DescriptionMaxBytes.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        return trimmed;
    }

    /// <summary>Checks max_concurrent_vms.</summary>
    public static int CheckMaxConcurrentVMs(int value)
    {
        if (value < MinConcurrentVMs || value > MaxConcurrentVMs)
        {
            throw new SendenseException(SendenseErrorCode.ProtectionGroupValueOutOfRange,
                $"MaxConcurrentVMs {value} is out of range: give {MinConcurrentVMs} to {MaxConcurrentVMs} (how many of the group's VMs the hub replicates at the same time).");
        }

        return value;
    }

    /// <summary>Checks a group or member priority; <paramref name="what"/> names it in the message.</summary>
    public static int CheckPriority(int value, string what = "Priority")
    {
        if (value < MinPriority || value > MaxPriority)
        {
            throw new SendenseException(SendenseErrorCode.ProtectionGroupValueOutOfRange,
                $"{what} {value} is out of range: give {MinPriority} to {MaxPriority} (a lower number is a higher priority).");
        }

        return value;
    }

    /// <summary>
    /// True when the hub's own "add VM to group" call (its GUI's Add to Group and Manage VMs) will refuse the group
    /// as "at capacity": upstream compares the member count with max_concurrent_vms.
    /// </summary>
    public static bool IsAtHubGuiCapacity(int memberCount, int maxConcurrentVMs) => memberCount >= maxConcurrentVMs;

    /// <summary>
    /// Why a group may not be deleted, or null when it may: upstream refuses a group with members, or with a running
    /// schedule execution (contract 11.9); -Force deletes it anyway (the memberships cascade, the VMs stay managed, the
    /// execution keeps its history without a group).
    /// </summary>
    public static SendenseException? DeleteRefusal(string groupName, GroupDeleteFacts facts, bool force)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        if (force)
        {
            return null;
        }

        if (facts.Members > 0)
        {
            return GroupErrors.NotEmpty(groupName, facts.Members);
        }

        return facts.RunningExecutions > 0 ? GroupErrors.ExecutionRunning(groupName, facts.RunningExecutions) : null;
    }

    /// <summary>The warning written when a group reaches that point.</summary>
    public static string CapacityWarning(string groupName, int memberCount, int maxConcurrentVMs) =>
        $"Protection group '{groupName}' has {memberCount} VMs and MaxConcurrentVMs {maxConcurrentVMs}. The hub replicates at most " +
        $"{maxConcurrentVMs} of them at the same time, and the hub GUI refuses to add more VMs to it ('Group is at capacity', " +
        "upstream reads the value as a member limit). Add VMs with Add-SendenseProtectionGroupMember, or raise the value with " +
        "Set-SendenseProtectionGroup -MaxConcurrentVMs if the GUI must add them.";

    /// <summary>A value for an error message: unprintable characters escaped, a long value cut.</summary>
    internal static string ForMessage(string value) => HubText.ForMessage(DisplayName.Escape(value), 60);
}
