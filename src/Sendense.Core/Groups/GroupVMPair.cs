namespace Sendense.Core.Groups;

/// <summary>A VM and a group it is to join or leave.</summary>
public sealed class GroupVMPair
{
    /// <summary>Creates a pair.</summary>
    public GroupVMPair(ProtectionGroup group, ManagedVMKey vm)
    {
        Group = group;
        VM = vm;
    }

    /// <summary>The group.</summary>
    public ProtectionGroup Group { get; }

    /// <summary>The VM.</summary>
    public ManagedVMKey VM { get; }

    /// <inheritdoc />
    public override string ToString() => $"{VM.Name} in {Group.Name}";
}
