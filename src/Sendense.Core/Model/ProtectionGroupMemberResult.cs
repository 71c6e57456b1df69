namespace Sendense;

/// <summary>What a membership cmdlet did with one VM, so that repeated runs can be checked.</summary>
public enum ProtectionGroupMemberResult
{
    /// <summary>The VM was added to the group.</summary>
    Added,

    /// <summary>The VM already was a member; nothing was changed.</summary>
    AlreadyMember,

    /// <summary>The VM was removed from the group.</summary>
    Removed,
}
