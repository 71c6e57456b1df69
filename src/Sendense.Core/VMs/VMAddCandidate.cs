namespace Sendense.Core.VMs;

/// <summary>One input VM that passed validation, with the values it would write.</summary>
/// <param name="Index">Position in the caller's input (stable across batches and retries).</param>
/// <param name="Source">The input object, the TargetObject of any error about it.</param>
/// <param name="Values">The mapped row values.</param>
public sealed record VMAddCandidate(int Index, DiscoveredVM Source, HubVMValues Values)
{
    /// <inheritdoc />
    public override string ToString() => $"{Values.VMName} ({Values.VCenterHost})";
}
