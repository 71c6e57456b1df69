namespace Sendense.Core.Groups;

/// <summary>A VM and the group it joins or leaves.</summary>
/// <param name="Group">The group.</param>
/// <param name="VM">The VM.</param>
public sealed record GroupVMPair(ProtectionGroup Group, ManagedVMKey VM)
{
    /// <inheritdoc />
    public override string ToString() => $"{VM.Name} in {Group.Name}";
}
