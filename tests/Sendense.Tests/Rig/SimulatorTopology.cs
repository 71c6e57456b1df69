namespace Sendense.Tests.Rig;

/// <summary>What inventory a simulator starts with (flags of tests/tools/vcsim).</summary>
public sealed record SimulatorTopology
{
    /// <summary>Datacenters.</summary>
    public int Datacenters { get; init; } = 1;

    /// <summary>Clusters per datacenter.</summary>
    public int Clusters { get; init; } = 1;

    /// <summary>Hosts per cluster.</summary>
    public int ClusterHosts { get; init; } = 1;

    /// <summary>Standalone hosts per datacenter.</summary>
    public int StandaloneHosts { get; init; } = 1;

    /// <summary>VMs per resource pool / vApp / standalone host.</summary>
    public int VMsPerPool { get; init; } = 2;

    /// <summary>Child resource pools per cluster.</summary>
    public int Pools { get; init; }

    /// <summary>vApps per cluster.</summary>
    public int VApps { get; init; }

    /// <summary>Datacenters placed in a folder.</summary>
    public int DatacenterFolders { get; init; }

    /// <summary>Nested VM folders created under each datacenter's vm folder.</summary>
    public IReadOnlyList<string> VMFolders { get; init; } = new List<string>();

    /// <summary>Every Nth VM moves into one of <see cref="VMFolders"/>.</summary>
    public int MoveEvery { get; init; } = 2;

    /// <summary>VMs per datacenter turned into templates.</summary>
    public int Templates { get; init; }

    /// <summary>VM renames applied after creation (old name to new name).</summary>
    public IReadOnlyDictionary<string, string> Renames { get; init; } = new Dictionary<string, string>();

    /// <summary>Serve https with the simulator's fixed test certificate.</summary>
    public bool Tls { get; init; }

    /// <summary>Delay added to each SOAP call of a client, in milliseconds (the control channel's <c>delay</c> changes it).</summary>
    public int DelayMilliseconds { get; init; }

    /// <summary>The first N client requests to /sdk are answered with <see cref="FailStatus"/> and an empty body.</summary>
    public int FailFirst { get; init; }

    /// <summary>The HTTP status of the requests <see cref="FailFirst"/> fails.</summary>
    public int FailStatus { get; init; } = 503;

    /// <summary>The user the simulator accepts.</summary>
    public string UserName { get; init; } = "administrator@vsphere.local";

    /// <summary>The password the simulator accepts.</summary>
    public string Password { get; init; } = "Sim-" + System.Guid.NewGuid().ToString("N")[..12] + "!&<x>";
}
