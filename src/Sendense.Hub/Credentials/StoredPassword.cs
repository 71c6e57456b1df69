using System.Security;
using Sendense.Core.Credentials;

namespace Sendense.Hub.Credentials;

/// <summary>
/// Turns vmware_credentials.password_encrypted into a SecureString and back. Reads accept upstream's three forms:
/// the GCM blob; TEMP_PLAINTEXT_&lt;password&gt; (upstream's seed rows, with a warning; upstream slices 15
/// characters off anything that starts with TEMP_ and panics on short values, this checks); and a bare password
/// written by a hub without a key, only when plaintext is explicitly allowed. Writes are always encrypted. No
/// message ever quotes the stored value, its length or any part of the password.
/// </summary>
internal static class StoredPassword
{
    internal const string TemporaryPlaintextPrefix = "TEMP_PLAINTEXT_";

    /// <summary>Encrypts a password for storage with the key from <paramref name="keys"/>.</summary>
    internal static string Seal(SecureString password, CredentialKeySource keys, string credentialName)
    {
        byte[] key = keys.ReadKey($"encrypt the password of vCenter credential '{credentialName}'");
        byte[] plaintext = Utf8Of(password);
        try
        {
            return CredentialCipher.Encrypt(key, plaintext);
        }
        finally
        {
            Array.Clear(plaintext, 0, plaintext.Length);
            Array.Clear(key, 0, key.Length);
        }
    }

    /// <summary>Decrypts a stored value; <paramref name="warning"/> is set when the value was not properly encrypted.</summary>
    internal static SecureString Open(string stored, CredentialKeySource keys, string credentialName, out string? warning)
    {
        warning = null;
        if (stored.StartsWith(TemporaryPlaintextPrefix, StringComparison.Ordinal))
        {
            if (stored.Length == TemporaryPlaintextPrefix.Length)
            {
                throw new SendenseException(SendenseErrorCode.CredentialPasswordCorrupt,
                    $"The vCenter credential '{credentialName}' has an empty {TemporaryPlaintextPrefix} password in the hub. " +
                    $"Store the real one with: Set-SendenseVCenterCredential -Name '{credentialName}' -Credential (Get-Credential)");
            }

            warning = $"The password of vCenter credential '{credentialName}' is stored in clear in the hub (upstream's " +
                $"{TemporaryPlaintextPrefix} form). Encrypt it with: Set-SendenseVCenterCredential -Name '{credentialName}' -Credential (Get-Credential)";
            return ToSecureString(stored, TemporaryPlaintextPrefix.Length);
        }

        byte[]? blob = CredentialCipher.TryDecode(stored);
        if (blob is null)
        {
            if (keys.AllowPlaintextPassword && stored.Length > 0)
            {
                warning = $"The password of vCenter credential '{credentialName}' is stored in clear in the hub (a hub " +
                    "without MIGRATEKIT_CRED_ENCRYPTION_KEY wrote it) and was used because plaintext was allowed. Encrypt it with: " +
                    $"Set-SendenseVCenterCredential -Name '{credentialName}' -Credential (Get-Credential)";
                return ToSecureString(stored, 0);
            }

            throw new SendenseException(
                stored.Length == 0 ? SendenseErrorCode.CredentialPasswordCorrupt : SendenseErrorCode.CredentialPasswordNotEncrypted,
                stored.Length == 0
                    ? $"The vCenter credential '{credentialName}' has no stored password. Store it with: Set-SendenseVCenterCredential -Name '{credentialName}' -Credential (Get-Credential)"
                    : $"The password of vCenter credential '{credentialName}' is not encrypted in the hub: it is not in the hub's " +
                      "AES-256-GCM format, most likely because a hub without MIGRATEKIT_CRED_ENCRYPTION_KEY stored it in clear " +
                      "(the hub itself cannot read it once it has a key). Re-save it encrypted with: " +
                      $"Set-SendenseVCenterCredential -Name '{credentialName}' -Credential (Get-Credential), or pass " +
                      "-AllowPlaintextPassword to use it as it is.");
        }

        byte[] key = keys.ReadKey($"decrypt the password of vCenter credential '{credentialName}'");
        byte[]? plaintext = null;
        try
        {
            plaintext = CredentialCipher.Decrypt(key, blob);
            if (plaintext is null)
            {
                throw new SendenseException(SendenseErrorCode.CredentialDecryptionFailed,
                    $"The password of vCenter credential '{credentialName}' does not decrypt with the key from {keys.Describe()}: " +
                    "the key is not the one of the hub that stored it, or the stored value was altered. Use the hub's key " +
                    "(MIGRATEKIT_CRED_ENCRYPTION_KEY in /etc/systemd/system/sendense-hub.service), or store the password again with: " +
                    $"Set-SendenseVCenterCredential -Name '{credentialName}' -Credential (Get-Credential)");
            }

            return FromUtf8(plaintext, credentialName);
        }
        finally
        {
            Array.Clear(key, 0, key.Length);
            Array.Clear(blob, 0, blob.Length);
            if (plaintext is not null)
            {
                Array.Clear(plaintext, 0, plaintext.Length);
            }
        }
    }

    /// <summary>True when <paramref name="stored"/> is an AES-GCM value that <paramref name="key"/> opens (the tag verifies).</summary>
    internal static bool DecryptsWith(byte[] key, string stored)
    {
        byte[]? blob = CredentialCipher.TryDecode(stored);
        if (blob is null)
        {
            return false;
        }

        byte[]? plaintext = CredentialCipher.Decrypt(key, blob);
        Array.Clear(blob, 0, blob.Length);
        if (plaintext is null)
        {
            return false;
        }

        Array.Clear(plaintext, 0, plaintext.Length);
        return true;
    }

    private static SecureString ToSecureString(string value, int start)
    {
        var secure = new SecureString();
        for (int i = start; i < value.Length; i++)
        {
            secure.AppendChar(value[i]);
        }

        secure.MakeReadOnly();
        return secure;
    }

    private static SecureString FromUtf8(byte[] plaintext, string credentialName)
    {
        char[] chars;
        try
        {
            chars = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetChars(plaintext);
        }
        catch (DecoderFallbackException)
        {
            throw new SendenseException(SendenseErrorCode.CredentialPasswordCorrupt,
                $"The password of vCenter credential '{credentialName}' decrypts to bytes that are not UTF-8 text. Store it again with: " +
                $"Set-SendenseVCenterCredential -Name '{credentialName}' -Credential (Get-Credential)");
        }

        try
        {
            var secure = new SecureString();
            foreach (char c in chars)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
        }
    }

    private static byte[] Utf8Of(SecureString password)
    {
        IntPtr pointer = IntPtr.Zero;
        char[] chars = new char[password.Length];
        try
        {
            pointer = System.Runtime.InteropServices.Marshal.SecureStringToGlobalAllocUnicode(password);
            System.Runtime.InteropServices.Marshal.Copy(pointer, chars, 0, chars.Length);
            return Encoding.UTF8.GetBytes(chars);
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
            if (pointer != IntPtr.Zero)
            {
                System.Runtime.InteropServices.Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
