namespace Sendense.Core.Discovery;

/// <summary>
/// One VM named by what a PowerCLI VirtualMachine object (or a user) gives: Id (VirtualMachine-vm-123), PersistentId
/// (the instance uuid), Uid (/VIServer=user@vc01:443/VirtualMachine=.../) and Name. The most precise one wins, because
/// names are not unique across folders and datacenters while MoRefs and instance uuids are.
/// </summary>
public sealed class VMIdentityRequest
{
    private VMIdentityRequest(VMIdentity identity, string? server, object source)
    {
        Identity = identity;
        Server = server;
        Source = source;
    }

    /// <summary>What to discover.</summary>
    public VMIdentity Identity { get; }

    /// <summary>The vCenter a PowerCLI Uid names, when one was given.</summary>
    public string? Server { get; }

    /// <summary>What the user gave (for error records).</summary>
    public object Source { get; }

    /// <summary>The identity of one input record, or null when it names no VM at all.</summary>
    public static VMIdentityRequest? From(string? name, string? id, string? persistentId, string? uid, object source)
    {
        if (VMIdentity.TryParsePowerCLIUid(uid, out string server, out VMIdentity? fromUid) && fromUid is not null)
        {
            return new VMIdentityRequest(fromUid, server, source);
        }

        if (!string.IsNullOrWhiteSpace(id) && id!.IndexOf("vm-", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new VMIdentityRequest(VMIdentity.FromMoRef(id), null, source);
        }

        if (!string.IsNullOrWhiteSpace(persistentId))
        {
            return new VMIdentityRequest(VMIdentity.FromInstanceUuid(persistentId!), null, source);
        }

        return string.IsNullOrWhiteSpace(name) ? null : new VMIdentityRequest(VMIdentity.FromName(name!), null, source);
    }
}
