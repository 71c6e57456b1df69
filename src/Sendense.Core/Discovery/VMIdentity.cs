namespace Sendense.Core.Discovery;

/// <summary>How a <see cref="VMIdentity"/> names a VM.</summary>
public enum VMIdentityKind
{
    /// <summary>The managed object id, vm-123 (PowerCLI's Id is VirtualMachine-vm-123).</summary>
    MoRef,

    /// <summary>config.instanceUuid, vCenter's unique id (PowerCLI's PersistentId).</summary>
    InstanceUuid,

    /// <summary>config.uuid, the SMBIOS uuid (the hub's vmware_vm_id). Clones may share one.</summary>
    BiosUuid,

    /// <summary>The exact VM name, as displayed or as vCenter escapes it.</summary>
    Name,
}

/// <summary>
/// One VM to discover by identity instead of by filter, e.g. from a PowerCLI VirtualMachine object piped to
/// Add-SendenseVM: Id → <see cref="FromMoRef"/>, PersistentId → <see cref="FromInstanceUuid"/>, Name → <see cref="FromName"/>.
/// </summary>
public sealed class VMIdentity : IEquatable<VMIdentity>
{
    private VMIdentity(VMIdentityKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>What <see cref="Value"/> is.</summary>
    public VMIdentityKind Kind { get; }

    /// <summary>The id, uuid or name (a MoRef without the "VirtualMachine-" prefix).</summary>
    public string Value { get; }

    /// <summary>A MoRef: vm-123, or PowerCLI's VirtualMachine-vm-123.</summary>
    public static VMIdentity FromMoRef(string moRef)
    {
        string value = Require(moRef, nameof(moRef));
        const string prefix = "VirtualMachine-";
        if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value.Substring(prefix.Length);
        }

        return new VMIdentity(VMIdentityKind.MoRef, value);
    }

    /// <summary>config.instanceUuid (PowerCLI's PersistentId).</summary>
    public static VMIdentity FromInstanceUuid(string uuid) => new VMIdentity(VMIdentityKind.InstanceUuid, Require(uuid, nameof(uuid)));

    /// <summary>config.uuid, the BIOS uuid the hub stores as vmware_vm_id.</summary>
    public static VMIdentity FromBiosUuid(string uuid) => new VMIdentity(VMIdentityKind.BiosUuid, Require(uuid, nameof(uuid)));

    /// <summary>An exact VM name (no wildcards).</summary>
    public static VMIdentity FromName(string name) => new VMIdentity(VMIdentityKind.Name, Require(name, nameof(name)));

    /// <summary>
    /// Reads a PowerCLI Uid, /VIServer=user@vc01.example.com:443/VirtualMachine=VirtualMachine-vm-88/, into the vCenter
    /// it names (host, or host:port when not 443) and a MoRef identity. False for anything else.
    /// </summary>
    public static bool TryParsePowerCLIUid(string? uid, out string server, out VMIdentity? identity)
    {
        server = string.Empty;
        identity = null;
        if (string.IsNullOrWhiteSpace(uid))
        {
            return false;
        }

        const string serverKey = "/VIServer=";
        const string vmKey = "/VirtualMachine=";
        int serverStart = uid!.IndexOf(serverKey, StringComparison.OrdinalIgnoreCase);
        int vmStart = uid.IndexOf(vmKey, StringComparison.OrdinalIgnoreCase);
        if (serverStart < 0 || vmStart <= serverStart)
        {
            return false;
        }

        // The user part may itself contain '@' (administrator@vsphere.local@vc01:443): the host follows the last one.
        string endpoint = uid.Substring(serverStart + serverKey.Length, vmStart - serverStart - serverKey.Length);
        endpoint = endpoint.Substring(endpoint.LastIndexOf('@') + 1);
        string moRef = uid.Substring(vmStart + vmKey.Length).Trim('/');
        if (endpoint.Length == 0 || moRef.Length == 0)
        {
            return false;
        }

        server = endpoint.EndsWith(":443", StringComparison.Ordinal) ? endpoint.Substring(0, endpoint.Length - 4) : endpoint;
        identity = FromMoRef(moRef);
        return true;
    }

    /// <summary>True when the VM is the one this identity names.</summary>
    public bool Matches(DiscoveredVM vm) => Matches(vm.MoRef, vm.InstanceUuid, vm.BiosUuid, vm.Name, vm.InventoryName);

    internal bool Matches(string moRef, string instanceUuid, string biosUuid, string displayName, string inventoryName) => Kind switch
    {
        VMIdentityKind.MoRef => string.Equals(moRef, Value, StringComparison.Ordinal),
        VMIdentityKind.InstanceUuid => string.Equals(instanceUuid, Value, StringComparison.OrdinalIgnoreCase),
        VMIdentityKind.BiosUuid => string.Equals(biosUuid, Value, StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(displayName, Value, StringComparison.Ordinal) || string.Equals(inventoryName, Value, StringComparison.Ordinal),
    };

    /// <inheritdoc />
    public bool Equals(VMIdentity? other) =>
        other is not null && Kind == other.Kind &&
        string.Equals(Value, other.Value, Kind is VMIdentityKind.InstanceUuid or VMIdentityKind.BiosUuid ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as VMIdentity);

    /// <inheritdoc />
    public override int GetHashCode() => (int)Kind * 397 ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        VMIdentityKind.MoRef => "MoRef " + Value,
        VMIdentityKind.InstanceUuid => "instance uuid " + Value,
        VMIdentityKind.BiosUuid => "BIOS uuid " + Value,
        _ => "name '" + Value + "'",
    };

    private static string Require(string value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A VM identity needs a value.", parameter);
        }

        return value.Trim();
    }
}
