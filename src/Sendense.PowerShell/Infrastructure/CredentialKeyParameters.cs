using System.Security;
using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Builds the key source from the -EncryptionKey / -EncryptionKeyFile / -AllowPlaintextPassword parameters that every
/// cmdlet which encrypts or decrypts a stored vCenter password declares (New-, Set-, Get- -AsPSCredential, Test-, and
/// the -VCenterCredential parameters of discovery and add). Without them the environment is used
/// (MIGRATEKIT_CRED_ENCRYPTION_KEY, then SENDENSE_CRED_ENCRYPTION_KEY_FILE).
/// </summary>
public static class CredentialKeyParameters
{
    /// <summary>The key source for this invocation; the key file path is resolved against the current location.</summary>
    public static CredentialKeySource Create(PSCmdlet cmdlet, SecureString? encryptionKey, string? encryptionKeyFile, bool allowPlaintextPassword)
    {
        var source = new CredentialKeySource { Key = encryptionKey, AllowPlaintextPassword = allowPlaintextPassword };
        if (!string.IsNullOrEmpty(encryptionKeyFile))
        {
            source.KeyFile = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(encryptionKeyFile);
        }

        return source;
    }
}
