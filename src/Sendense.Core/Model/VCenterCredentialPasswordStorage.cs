namespace Sendense;

/// <summary>
/// How a stored vCenter password is kept in vmware_credentials.password_encrypted. The module works this out on the
/// database server from the shape of the value, so listing credentials never transfers a password or its ciphertext.
/// </summary>
public enum VCenterCredentialPasswordStorage
{
    /// <summary>AES-256-GCM, base64(nonce || ciphertext || tag): the hub's format, and the only one the module writes.</summary>
    Encrypted = 0,

    /// <summary>
    /// Upstream's seed format, TEMP_PLAINTEXT_ followed by the password in clear. Usable (with a warning); re-save
    /// the password with Set-SendenseVCenterCredential -Credential to encrypt it.
    /// </summary>
    TemporaryPlaintext,

    /// <summary>
    /// Not a value the cipher produces: most likely the password in clear, written by a hub that had no
    /// MIGRATEKIT_CRED_ENCRYPTION_KEY. Unusable unless -AllowPlaintextPassword is given; re-save it to encrypt it.
    /// </summary>
    Plaintext,
}
