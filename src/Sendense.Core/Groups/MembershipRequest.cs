namespace Sendense.Core.Groups;

/// <summary>One VM a membership command was asked to add to (or remove from) one group; pipeline input gives one per VM.</summary>
/// <param name="Group">The group as the user named it.</param>
/// <param name="VM">The VM as the user gave it (its Source is the input, for error records).</param>
public sealed record MembershipRequest(ProtectionGroupIdentity Group, VMReference VM);
