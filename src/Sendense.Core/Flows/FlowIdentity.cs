namespace Sendense.Core.Flows;

/// <summary>A flow as a cmdlet was given it: a Sendense.ProtectionFlow (by id, so a rename does not break it), or a name or id.</summary>
public sealed class FlowIdentity
{
    private FlowIdentity(string? id, string? idOrName, object? source)
    {
        Id = id;
        IdOrName = idOrName;
        Source = source;
    }

    /// <summary>The id of a flow object.</summary>
    public string? Id { get; }

    /// <summary>Text that is an id or a name.</summary>
    public string? IdOrName { get; }

    /// <summary>The input (TargetObject of an error about it).</summary>
    public object? Source { get; }

    /// <summary>From a flow object.</summary>
    public static FlowIdentity Of(ProtectionFlow flow) => new FlowIdentity((flow ?? throw new ArgumentNullException(nameof(flow))).Id, null, flow);

    /// <summary>From a name or id.</summary>
    public static FlowIdentity Of(string idOrName, object? source = null) => new FlowIdentity(null, (idOrName ?? string.Empty).Trim(), source ?? idOrName);

    /// <summary>Whether <paramref name="flow"/> is the flow this identity names (ids exactly, names as the hub compares them).</summary>
    public bool Matches(ProtectionFlow flow) => Id is not null
        ? string.Equals(flow.Id, Id, StringComparison.Ordinal)
        : string.Equals(flow.Id, IdOrName, StringComparison.OrdinalIgnoreCase) || FlowRules.NameKey(flow.Name) == FlowRules.NameKey(IdOrName ?? string.Empty);

    /// <summary>The text the store looks up.</summary>
    public string Key => Id ?? IdOrName ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => Source is ProtectionFlow flow ? flow.Name : Key;
}

/// <summary>What Get-SendenseProtectionFlow looks for; empty means no filter.</summary>
public sealed class FlowQuery
{
    /// <summary>Name patterns.</summary>
    public IReadOnlyList<string> Names { get; set; } = Array.Empty<string>();

    /// <summary>Flow ids.</summary>
    public IReadOnlyList<string> Ids { get; set; } = Array.Empty<string>();

    /// <summary>VMs the flows must reach.</summary>
    public IReadOnlyList<Groups.VMReference> VMs { get; set; } = Array.Empty<Groups.VMReference>();

    /// <summary>Groups (ids or names) the flows must target.</summary>
    public IReadOnlyList<FlowTargetReference> Groups { get; set; } = Array.Empty<FlowTargetReference>();

    /// <summary>Repository names or ids.</summary>
    public IReadOnlyList<string> Repositories { get; set; } = Array.Empty<string>();

    /// <summary>Enabled or disabled flows only.</summary>
    public bool? Enabled { get; set; }
}
