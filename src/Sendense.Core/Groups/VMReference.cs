namespace Sendense.Core.Groups;

/// <summary>
/// A VM given to a group cmdlet, before it is looked up in the hub: a context id (from a Sendense.VM, a
/// DiscoveredVM of a managed VM, a membership, or any object with ContextId), a bare string (a context id, else a
/// VM name), or a VM name with an optional vCenter (PowerCLI objects, DiscoveredVMs not yet managed).
/// </summary>
public sealed class VMReference
{
    private readonly string? _unrecognized;

    private VMReference(string? contextId, string? contextIdOrName, string? name, string? vCenter, object? source, string? unrecognized = null)
    {
        _unrecognized = unrecognized;
        ContextId = contextId;
        ContextIdOrName = contextIdOrName;
        Name = name;
        VCenter = string.IsNullOrWhiteSpace(vCenter) ? null : vCenter!.Trim();
        Source = source;
    }

    /// <summary>A context id known to be one.</summary>
    public string? ContextId { get; }

    /// <summary>Text that is a context id or, if no context has that id, a VM name.</summary>
    public string? ContextIdOrName { get; }

    /// <summary>A VM name (vm_name).</summary>
    public string? Name { get; }

    /// <summary>Narrows a name match to one vCenter (vcenter_host).</summary>
    public string? VCenter { get; }

    /// <summary>The pipeline input this came from: the TargetObject of any error about it.</summary>
    public object? Source { get; }

    /// <summary>A reference by context id.</summary>
    public static VMReference FromContextId(string contextId, object? source = null) =>
        new VMReference(contextId.Trim(), null, null, null, source ?? contextId);

    /// <summary>A reference by text that may be a context id or a VM name.</summary>
    public static VMReference FromText(string text, object? source = null) =>
        new VMReference(null, text.Trim(), null, null, source ?? text);

    /// <summary>A reference by VM name, optionally on one vCenter.</summary>
    public static VMReference FromName(string name, string? vCenter, object? source = null) =>
        new VMReference(null, null, name.Trim(), vCenter, source ?? name);

    /// <summary>An input that names no VM (no ContextId, no Name); <paramref name="description"/> says what it was.</summary>
    public static VMReference Unrecognized(object? source, string description) =>
        new VMReference(null, null, null, null, source, description);

    /// <summary>True when the input names no VM at all.</summary>
    public bool IsUnrecognized => ContextId is null && ContextIdOrName is null && Name is null;

    /// <summary>How the reference reads in messages.</summary>
    public override string ToString()
    {
        if (ContextId is not null)
        {
            return ContextId;
        }

        if (ContextIdOrName is not null)
        {
            return ContextIdOrName;
        }

        if (Name is null)
        {
            return _unrecognized ?? string.Empty;
        }

        return VCenter is null ? Name : $"{Name} on {VCenter}";
    }
}
