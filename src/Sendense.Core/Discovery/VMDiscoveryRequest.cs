namespace Sendense.Core.Discovery;

/// <summary>
/// What to discover. Without identities: every VM that passes the filters (names and datacenters take PowerShell
/// wildcards, case-insensitive; templates are left out unless asked for). With identities: exactly those VMs
/// (templates included, filters ignored), e.g. for Add-SendenseVM's PowerCLI input.
/// </summary>
public sealed class VMDiscoveryRequest
{
    /// <summary>Default number of objects per RetrievePropertiesEx page (and per batch of VMs).</summary>
    public const int DefaultPageSize = 500;

    /// <summary>VM name patterns (wildcards); any may match. Empty: all names.</summary>
    public IReadOnlyList<string> Names { get; set; } = Array.Empty<string>();

    /// <summary>Datacenter name patterns (wildcards); any may match. Empty: all datacenters.</summary>
    public IReadOnlyList<string> Datacenters { get; set; } = Array.Empty<string>();

    /// <summary>
    /// A VM folder path below the datacenter's vm folder ("Prod/Web"), or an inventory path ("/DC1/vm/Prod/Web"); VMs
    /// in subfolders are included. Wildcards allowed.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>Power states to keep (poweredOn, poweredOff, suspended; case-insensitive). Empty: all.</summary>
    public IReadOnlyList<string> PowerStates { get; set; } = Array.Empty<string>();

    /// <summary>Also return templates (left out by default).</summary>
    public bool IncludeTemplates { get; set; }

    /// <summary>Discover exactly these VMs instead of filtering the inventory.</summary>
    public IReadOnlyList<VMIdentity> Identities { get; set; } = Array.Empty<VMIdentity>();

    /// <summary>maxObjects per page and VMs per batch (1-10000).</summary>
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>Batches requested ahead while one is parsed (1 = strictly one request at a time).</summary>
    public int Parallelism { get; set; } = 2;
}
