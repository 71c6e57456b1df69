using System.Security;
using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that encrypt or decrypt stored vCenter passwords: the -EncryptionKey and -EncryptionKeyFile
/// parameters live here once. Without them the environment is used (MIGRATEKIT_CRED_ENCRYPTION_KEY, then
/// SENDENSE_CRED_ENCRYPTION_KEY_FILE).
/// </summary>
public abstract class CredentialKeyCmdlet : HubCmdlet
{
    /// <summary>The hub's credential key (base64 of 32 bytes); defaults to MIGRATEKIT_CRED_ENCRYPTION_KEY.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? EncryptionKey { get; set; }

    /// <summary>A file holding the hub's key (the bare base64 key, or the hub's systemd unit / an env file).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EncryptionKeyFile { get; set; }

    /// <summary>Where this invocation takes the key from.</summary>
    protected CredentialKeySource KeySource(bool allowPlaintextPassword = false) =>
        CredentialKeyParameters.Create(this, EncryptionKey, EncryptionKeyFile, allowPlaintextPassword);
}
