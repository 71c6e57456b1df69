using System.Security;

namespace Sendense.Core.Credentials;

/// <summary>What Set-SendenseVCenterCredential changes; null means "leave as it is".</summary>
public sealed class VCenterCredentialChanges
{
    /// <summary>A new credential_name.</summary>
    public string? NewName { get; set; }

    /// <summary>A new vcenter_host.</summary>
    public string? VCenter { get; set; }

    /// <summary>A new username (given together with a password, from a PSCredential).</summary>
    public string? UserName { get; set; }

    /// <summary>A new password; encrypted with the hub's key before it is written.</summary>
    public SecureString? Password { get; set; }

    /// <summary>A new datacenter.</summary>
    public string? Datacenter { get; set; }

    /// <summary>Activate or deactivate. Deactivating the default credential also clears its default flag.</summary>
    public bool? IsActive { get; set; }

    /// <summary>Make it the default (clearing the others in the same transaction) or stop it being the default.</summary>
    public bool? IsDefault { get; set; }

    /// <summary>True when nothing would change.</summary>
    public bool IsEmpty => NewName is null && VCenter is null && UserName is null && Password is null &&
        Datacenter is null && IsActive is null && IsDefault is null;
}
