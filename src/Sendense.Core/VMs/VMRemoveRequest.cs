namespace Sendense.Core.VMs;

/// <summary>What Remove-SendenseVM was asked to remove.</summary>
public sealed class VMRemoveRequest
{
    /// <summary>The VMs, as the user named them, in input order.</summary>
    public IReadOnlyList<VMRemoveItem> Items { get; init; } = Array.Empty<VMRemoveItem>();

    /// <summary>Also remove busy VMs (their job rows go with them).</summary>
    public bool Force { get; init; }
}

/// <summary>One thing to remove: a context id, or a name (wildcards allowed) on an optional vCenter (wildcards allowed).</summary>
public sealed class VMRemoveItem
{
    private readonly Wildcard? _name;
    private readonly Wildcard? _vcenter;

    private VMRemoveItem(object target, string? contextId, string? name, string? vcenter)
    {
        Target = target;
        ContextId = contextId;
        Name = name;
        VCenter = vcenter;
        _name = name is null ? null : new Wildcard(name);
        _vcenter = vcenter is null ? null : new Wildcard(vcenter);
    }

    /// <summary>The input object errors about this item point at.</summary>
    public object Target { get; }

    /// <summary>An exact context id, or null.</summary>
    public string? ContextId { get; }

    /// <summary>A name pattern, or null.</summary>
    public string? Name { get; }

    /// <summary>A vCenter pattern narrowing <see cref="Name"/>, or null.</summary>
    public string? VCenter { get; }

    /// <summary>True when the item may match nothing without an error.</summary>
    public bool IsPattern => (_name?.HasWildcards ?? false) || (_vcenter?.HasWildcards ?? false);

    /// <summary>The item for a context id (a VM object's, or as typed).</summary>
    public static VMRemoveItem ForContextId(string contextId, object target) => new VMRemoveItem(target, contextId, null, null);

    /// <summary>The item for a name, on a vCenter when one is given.</summary>
    public static VMRemoveItem ForName(string name, string? vcenter, object target) =>
        new VMRemoveItem(target, null, name, string.IsNullOrEmpty(vcenter) ? null : vcenter);

    /// <summary>True when the managed VM is one this item names, as the hub compares names.</summary>
    public bool Matches(VM vm) => ContextId is not null
        ? HubCollation.Equal((vm ?? throw new ArgumentNullException(nameof(vm))).ContextId, ContextId)
        : _name!.IsMatch(vm.Name) && (_vcenter is null || _vcenter.IsMatch(vm.VCenter));

    /// <summary>"with context id '...'" or "named '...' on vc01", for messages.</summary>
    public string Describe() => ContextId is not null
        ? $"with context id '{ContextId}'"
        : $"named '{Name}'" + (VCenter is null ? string.Empty : $" on {VCenter}");
}
