namespace Sendense;

/// <summary>One network adapter of a discovered VM.</summary>
public sealed class DiscoveredNetwork
{
    /// <summary>deviceInfo.label, e.g. "Network adapter 1".</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>Name of the network or distributed portgroup the adapter is connected to.</summary>
    public string NetworkName { get; set; } = string.Empty;

    /// <summary>The adapter's MAC address.</summary>
    public string MacAddress { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => NetworkName;
}
