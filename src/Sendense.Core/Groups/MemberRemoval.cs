namespace Sendense.Core.Groups;

/// <summary>What removing VMs from groups did: the memberships deleted, and the VMs that were not members.</summary>
public sealed class MemberRemoval
{
    /// <summary>Creates a result.</summary>
    public MemberRemoval(IReadOnlyList<ProtectionGroupMember> removed, IReadOnlyList<GroupVMPair> notMembers)
    {
        Removed = removed;
        NotMembers = notMembers;
    }

    /// <summary>The memberships deleted (Result = Removed), in input order.</summary>
    public IReadOnlyList<ProtectionGroupMember> Removed { get; }

    /// <summary>Pairs where the VM was not in the group: nothing to do, but worth a warning.</summary>
    public IReadOnlyList<GroupVMPair> NotMembers { get; }
}
