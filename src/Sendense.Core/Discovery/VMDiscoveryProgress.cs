namespace Sendense.Core.Discovery;

/// <summary>Where a discovery is.</summary>
public enum VMDiscoveryStage
{
    /// <summary>Connecting and logging in.</summary>
    Connecting,

    /// <summary>Reading datacenters, folders, hosts, clusters and networks.</summary>
    ReadingInventory,

    /// <summary>Finding the VMs that match names, datacenters, folders or identities.</summary>
    SelectingVMs,

    /// <summary>Reading the VMs' configuration, disks and networks.</summary>
    ReadingVMs,

    /// <summary>Finished.</summary>
    Completed,
}

/// <summary>A progress report (for Write-Progress).</summary>
public sealed class VMDiscoveryProgress
{
    /// <summary>Stage.</summary>
    public VMDiscoveryStage Stage { get; init; }

    /// <summary>VMs handed out so far.</summary>
    public int Discovered { get; init; }

    /// <summary>VMs read so far (including ones filtered out).</summary>
    public int Read { get; init; }

    /// <summary>VMs to read in this stage, when known.</summary>
    public int? Total { get; init; }

    /// <summary>Pages received so far.</summary>
    public int Pages { get; init; }
}
