namespace Sendense.Core.Discovery;

/// <summary>What discovery needs from the hub: which VMs of a vCenter it already manages (for IsManaged and ContextId).</summary>
public interface IDiscoveryStore
{
    /// <summary>The hub, for messages.</summary>
    public string Hub { get; }

    /// <summary>vmware_vm_id → context_id of every context of <paramref name="vcenterHost"/> (keys compared case-insensitively).</summary>
    public Task<IReadOnlyDictionary<string, string>> ManagedVMsAsync(string vcenterHost, CancellationToken cancellationToken);
}
