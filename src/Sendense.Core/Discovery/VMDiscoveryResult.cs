namespace Sendense.Core.Discovery;

/// <summary>The summary of a finished discovery (the VMs themselves went to the observer).</summary>
public sealed class VMDiscoveryResult
{
    /// <summary>The vCenter as the user gave it.</summary>
    public string VCenter { get; init; } = string.Empty;

    /// <summary>about.fullName, e.g. "VMware vCenter Server 8.0.3 build-24022515".</summary>
    public string Product { get; init; } = string.Empty;

    /// <summary>about.instanceUuid: the vCenter's own id.</summary>
    public string InstanceUuid { get; init; } = string.Empty;

    /// <summary>The user the session belongs to.</summary>
    public string UserName { get; init; } = string.Empty;

    /// <summary>VMs handed to the observer.</summary>
    public int Discovered { get; init; }

    /// <summary>Templates left out (IncludeTemplates not set).</summary>
    public int TemplatesSkipped { get; init; }

    /// <summary>Round trips that returned objects (pages).</summary>
    public int Pages { get; init; }

    /// <summary>True when the session expired during the sweep and was renewed once.</summary>
    public bool SessionRenewed { get; init; }

    /// <summary>Name patterns without wildcards that matched no VM.</summary>
    public IReadOnlyList<string> UnmatchedNames { get; init; } = Array.Empty<string>();

    /// <summary>Datacenter patterns without wildcards that matched no datacenter.</summary>
    public IReadOnlyList<string> UnmatchedDatacenters { get; init; } = Array.Empty<string>();

    /// <summary>Identities that matched no VM.</summary>
    public IReadOnlyList<VMIdentity> UnmatchedIdentities { get; init; } = Array.Empty<VMIdentity>();

    /// <summary>Wall time of the whole discovery, login to logout.</summary>
    public TimeSpan Elapsed { get; init; }
}
