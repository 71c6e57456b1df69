namespace Sendense.Core.VMs;

/// <summary>One input VM that passed validation, with the values it would write.</summary>
public sealed class VMAddCandidate
{
    /// <summary>Creates a candidate.</summary>
    public VMAddCandidate(int index, DiscoveredVM source, HubVMValues values)
    {
        Index = index;
        Source = source;
        Values = values;
    }

    /// <summary>Position in the caller's input (stable across batches and retries).</summary>
    public int Index { get; }

    /// <summary>The input object, the TargetObject of any error about it.</summary>
    public DiscoveredVM Source { get; }

    /// <summary>The mapped row values.</summary>
    public HubVMValues Values { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Values.VMName} ({Values.VCenterHost})";
}
