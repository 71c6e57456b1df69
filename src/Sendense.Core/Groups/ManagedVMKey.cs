namespace Sendense.Core.Groups;

/// <summary>A VM the hub manages, as far as group membership needs it: its context id, name and vCenter.</summary>
public sealed class ManagedVMKey
{
    /// <summary>Creates a key.</summary>
    public ManagedVMKey(string contextId, string name, string vCenter)
    {
        ContextId = contextId;
        Name = name;
        VCenter = vCenter;
    }

    /// <summary>vm_replication_contexts.context_id.</summary>
    public string ContextId { get; }

    /// <summary>vm_name.</summary>
    public string Name { get; }

    /// <summary>vcenter_host.</summary>
    public string VCenter { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
