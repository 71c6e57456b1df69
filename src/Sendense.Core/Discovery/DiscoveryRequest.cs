namespace Sendense.Core.Discovery;

/// <summary>What Invoke-SendenseVMDiscovery was asked: which vCenters, how to get in, and what to look for.</summary>
public sealed class DiscoveryRequest
{
    /// <summary>The vCenters to discover, each with its way in.</summary>
    public IReadOnlyList<VCenterAccess> Targets { get; init; } = Array.Empty<VCenterAccess>();

    /// <summary>vCenters discovered at once when there are several targets (-ThrottleLimit).</summary>
    public int ThrottleLimit { get; init; } = Refresh.VCenterFanOut.DefaultThrottleLimit;

    /// <summary>The filters (names, datacenters, folder, power states, templates, page size).</summary>
    public VMDiscoveryRequest Filters { get; init; } = new VMDiscoveryRequest();

    /// <summary>True when the user gave -Datacenter (a stored credential's datacenter then does not scope the run).</summary>
    public bool DatacentersGiven { get; init; }

    /// <summary>A -Hub was given but is closed: IsManaged is left empty, with a warning.</summary>
    public string? ClosedHub { get; init; }
}
