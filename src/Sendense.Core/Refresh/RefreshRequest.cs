using Sendense.Core.Discovery;
using Sendense.Core.VMs;

namespace Sendense.Core.Refresh;

/// <summary>What Update-SendenseVM was asked to refresh, and how to get into the vCenters.</summary>
public sealed class RefreshRequest
{
    /// <summary>The managed VMs to refresh: by context id (pipeline), by -Name/-VCenter, or every one (an empty query).</summary>
    public VMQuery Query { get; init; } = new VMQuery();

    /// <summary>
    /// An explicit way in (-Credential with -VCenter, -VCenterCredential, -VIServer); null logs in to each vCenter
    /// with the stored credential its VMs record (credential_id), else the hub's unambiguous one for that vCenter.
    /// </summary>
    public VCenterAccess? Access { get; init; }

    /// <summary>Certificate, http and timeout settings (and the key source) used for the stored credentials' logins.</summary>
    public VCenterAccess Settings { get; init; } = new VCenterAccess();

    /// <summary>-RemoveMissing: VMs gone from vCenter are removed from the hub (high impact; busy ones refused).</summary>
    public bool RemoveMissing { get; init; }

    /// <summary>VMs per transaction.</summary>
    public int BatchSize { get; init; } = VMAddRequest.DefaultBatchSize;

    /// <summary>vCenters refreshed at once.</summary>
    public int ThrottleLimit { get; init; } = VCenterFanOut.DefaultThrottleLimit;

    /// <summary>-WhatIf.</summary>
    public bool WhatIf { get; init; }
}
