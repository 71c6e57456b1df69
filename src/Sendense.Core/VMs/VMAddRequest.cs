using Sendense.Core.Credentials;
using Sendense.Core.Discovery;

namespace Sendense.Core.VMs;

/// <summary>What Add-SendenseVM was asked to add.</summary>
public sealed class VMAddRequest
{
    /// <summary>VMs per transaction by default.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>Discovered VMs (Invoke-SendenseVMDiscovery output, or imported with Import-Clixml).</summary>
    public IReadOnlyList<DiscoveredVM> VMs { get; init; } = Array.Empty<DiscoveredVM>();

    /// <summary>PowerCLI objects or names: discovered in their vCenter first (one sweep), then added.</summary>
    public IReadOnlyList<VMIdentityRequest> Identities { get; init; } = Array.Empty<VMIdentityRequest>();

    /// <summary>How to get into vCenter for <see cref="Identities"/>.</summary>
    public VCenterAccess Access { get; init; } = new VCenterAccess();

    /// <summary>The stored credential every VM records (-VCenterCredential); null picks one per VM.</summary>
    public VCenterCredentialIdentity? Credential { get; init; }

    /// <summary>VMs per transaction.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>-WhatIf: nothing is written, and unchanged VMs are not output either.</summary>
    public bool WhatIf { get; init; }
}
