namespace Sendense.Core.Groups;

/// <summary>A managed VM as a group operation names it: its context id, name and vCenter.</summary>
/// <param name="ContextId">vm_replication_contexts.context_id.</param>
/// <param name="Name">vm_name.</param>
/// <param name="VCenter">vcenter_host.</param>
public sealed record ManagedVMKey(string ContextId, string Name, string VCenter)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
