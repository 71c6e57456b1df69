namespace Sendense.Core.Credentials;

/// <summary>
/// What the credential use cases need from the hub's vmware_credentials table. Implemented over MariaDB in
/// Sendense.Hub (CredentialStore); faked in xUnit. Passwords cross this boundary only as SecureStrings.
/// </summary>
public interface ICredentialStore
{
    /// <summary>The hub, for messages ("user@server:port/db").</summary>
    public string Hub { get; }

    /// <summary>Every stored credential (active or not), sorted by name.</summary>
    public Task<IReadOnlyList<VCenterCredential>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One credential by name or id, or null when there is none; the password is not read.</summary>
    public Task<VCenterCredential?> FindAsync(VCenterCredentialIdentity identity, CancellationToken cancellationToken);

    /// <summary>An active credential with its password decrypted (read-only SecureString); the caller disposes it.</summary>
    public Task<ResolvedVCenterCredential> ResolveAsync(VCenterCredentialIdentity identity, CredentialKeySource keys, CancellationToken cancellationToken);

    /// <summary>Counts one use (last_used, usage_count + 1) in one atomic UPDATE; false when the credential is gone.</summary>
    public Task<bool> RecordUseAsync(int credentialId, CancellationToken cancellationToken);
}
