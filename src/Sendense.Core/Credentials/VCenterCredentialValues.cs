namespace Sendense.Core.Credentials;

/// <summary>
/// The columns of a vmware_credentials row that the module writes, checked and in normal form (the password is
/// passed beside it, as a SecureString, and encrypted by the store). Made by the service, written by the store.
/// </summary>
/// <param name="Name">credential_name.</param>
/// <param name="VCenter">vcenter_host.</param>
/// <param name="UserName">username.</param>
/// <param name="Datacenter">datacenter.</param>
/// <param name="IsActive">is_active.</param>
/// <param name="IsDefault">is_default: when true the store clears every other default in the same transaction.</param>
/// <param name="CreatedBy">created_by; written on insert only.</param>
public sealed record VCenterCredentialValues(string Name, string VCenter, string UserName, string Datacenter,
    bool IsActive, bool IsDefault, string? CreatedBy = null);

/// <summary>What an update wrote.</summary>
/// <param name="Credential">The credential as stored now.</param>
/// <param name="OtherDefaultsCleared">How many other credentials stopped being the default.</param>
public sealed record CredentialUpdateResult(VCenterCredential Credential, int OtherDefaultsCleared);

/// <summary>What a removal did.</summary>
/// <param name="Credential">The credential as it was before it was removed.</param>
/// <param name="ReferencingVMs">VM contexts that pointed at it (their credential_id is now NULL).</param>
public sealed record CredentialRemoval(VCenterCredential Credential, int ReferencingVMs);

/// <summary>
/// Whether a key opens the passwords already stored in the hub, as the store found it (the service decides).
/// </summary>
/// <param name="Compared">How many stored AES-GCM passwords were tried; 0 when there is nothing to compare with.</param>
/// <param name="Matches">True when the key decrypted at least one of them.</param>
/// <param name="Example">The name of a credential whose password did not decrypt, for the message.</param>
public sealed record CredentialKeyCheck(int Compared, bool Matches, string? Example)
{
    /// <summary>The key cannot be the hub's: there were passwords to try and it opened none.</summary>
    public bool IsMismatch => Compared > 0 && !Matches;
}
