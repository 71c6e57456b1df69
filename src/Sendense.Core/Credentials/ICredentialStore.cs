using System.Security;

namespace Sendense.Core.Credentials;

/// <summary>
/// What the credential use cases need from the hub's vmware_credentials table: queries and transactions, no rules.
/// The rules (validation, the default, the in-use refusal, the key check) live in <see cref="CredentialService"/>;
/// a write that must decide on the locked row takes the service's decision as a callback and runs it inside its
/// transaction. Implemented over MariaDB in Sendense.Hub (CredentialStore), which also owns the cipher; faked in
/// xUnit. Passwords cross this boundary only as SecureStrings.
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

    /// <summary>How many VM contexts point at the credential (vm_replication_contexts.credential_id).</summary>
    public Task<int> CountReferencesAsync(int credentialId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a row with the password encrypted under the key (before anything is sent). In the same transaction,
    /// before the insert, the key is tried on the AES-GCM passwords already stored and <paramref name="requireKey"/>
    /// judges the result (it throws: nothing is written). With IsDefault every other default is cleared in that
    /// transaction too. A taken name: VCenterCredentialExists.
    /// </summary>
    public Task<VCenterCredential> InsertAsync(VCenterCredentialValues values, SecureString password, CredentialKeySource keys,
        Action<CredentialKeyCheck> requireKey, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the row, asks <paramref name="decide"/> for its new values (null: nothing to write; it may throw: nothing is written), clears
    /// the other defaults when the new values are the default, and writes, all in one transaction. A new password is
    /// encrypted before the transaction starts, and the key is tried on the other stored passwords inside it for
    /// <paramref name="requireKey"/> to judge (it throws: nothing is written). Null when there is no such credential.
    /// </summary>
    public Task<CredentialUpdateResult?> UpdateAsync(VCenterCredentialIdentity identity, Func<VCenterCredential, VCenterCredentialValues?> decide,
        SecureString? newPassword, CredentialKeySource keys, Action<CredentialKeyCheck> requireKey, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the row, counts the VM contexts that use it, lets <paramref name="check"/> refuse (it throws: nothing
    /// is removed), and deletes, in one transaction. Null when there is no such credential.
    /// </summary>
    public Task<CredentialRemoval?> DeleteAsync(int credentialId, Action<VCenterCredential, int> check, CancellationToken cancellationToken);
}
