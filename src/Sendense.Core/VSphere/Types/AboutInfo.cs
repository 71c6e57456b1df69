namespace Sendense.Core.VSphere.Types;

/// <summary>ServiceContent.about: what the server is.</summary>
public sealed class AboutInfo
{
    /// <summary>Product name, e.g. "VMware vCenter Server".</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Full product name with version and build.</summary>
    public string FullName { get; init; } = string.Empty;

    /// <summary>Product version, e.g. 8.0.3.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>Build number.</summary>
    public string Build { get; init; } = string.Empty;

    /// <summary>VirtualCenter for vCenter, HostAgent for a host answering directly.</summary>
    public string ApiType { get; init; } = string.Empty;

    /// <summary>Newest vim25 API version the server speaks, e.g. 8.0.3.0.</summary>
    public string ApiVersion { get; init; } = string.Empty;

    /// <summary>The vCenter's own unique id (moIds are only unique per vCenter).</summary>
    public string InstanceUuid { get; init; } = string.Empty;
}
