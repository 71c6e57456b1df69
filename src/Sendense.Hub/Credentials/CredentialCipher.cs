using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Sendense.Hub.Credentials;

/// <summary>
/// The hub's password cipher, byte for byte (upstream services/credential_encryption_service.go): AES-256-GCM with
/// a random 12-byte nonce, a 16-byte tag and no associated data, stored as base64(nonce || ciphertext || tag), which
/// is what Go's gcm.Seal(nonce, nonce, plaintext, nil) returns.
/// <para>
/// netstandard2.0 has no AesGcm and Windows PowerShell 5.1 (.NET Framework) has none at all, so the module uses
/// BouncyCastle's GCM: one managed implementation, the same bytes on every PowerShell, tested on the rig against Go's
/// crypto/cipher and .NET's AesGcm. It lives here, in the isolated engine, beside its DLL in dependencies/.
/// </para>
/// </summary>
internal static class CredentialCipher
{
    internal const int NonceLength = 12;
    internal const int TagLength = 16;
    private const int TagBits = TagLength * 8;

    /// <summary>The shortest stored value: nonce and tag around an empty ciphertext.</summary>
    internal const int MinimumBlobLength = NonceLength + TagLength;

    /// <summary>Encrypts with a fresh random nonce; returns the stored text.</summary>
    internal static string Encrypt(byte[] key, byte[] plaintext)
    {
        byte[] blob = new byte[NonceLength + plaintext.Length + TagLength];
        byte[] nonce = new byte[NonceLength];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(nonce);
        }

        Buffer.BlockCopy(nonce, 0, blob, 0, NonceLength);
        GcmBlockCipher gcm = Create(forEncryption: true, key, nonce);
        int written = gcm.ProcessBytes(plaintext, 0, plaintext.Length, blob, NonceLength);
        gcm.DoFinal(blob, NonceLength + written);
        return Convert.ToBase64String(blob);
    }

    /// <summary>
    /// Decrypts a decoded blob. Returns null when the tag does not verify (wrong key or altered value); the caller
    /// turns that into an error that names the credential. The returned bytes must be wiped by the caller.
    /// </summary>
    internal static byte[]? Decrypt(byte[] key, byte[] blob)
    {
        if (blob.Length < MinimumBlobLength)
        {
            return null;
        }

        byte[] nonce = new byte[NonceLength];
        Buffer.BlockCopy(blob, 0, nonce, 0, NonceLength);
        GcmBlockCipher gcm = Create(forEncryption: false, key, nonce);
        int sealedLength = blob.Length - NonceLength;
        byte[] plaintext = new byte[gcm.GetOutputSize(sealedLength)];
        try
        {
            int written = gcm.ProcessBytes(blob, NonceLength, sealedLength, plaintext, 0);
            gcm.DoFinal(plaintext, written);
            return plaintext;
        }
        catch (InvalidCipherTextException)
        {
            Array.Clear(plaintext, 0, plaintext.Length);
            return null;
        }
    }

    /// <summary>Strict standard base64 (as Go's StdEncoding) of at least nonce + tag; null when the text is not one.</summary>
    internal static byte[]? TryDecode(string stored)
    {
        if (stored.Length < 4 || stored.Length % 4 != 0)
        {
            return null;
        }

        foreach (char c in stored)
        {
            bool valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
            if (!valid)
            {
                return null;
            }
        }

        try
        {
            byte[] blob = Convert.FromBase64String(stored);
            return blob.Length >= MinimumBlobLength ? blob : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static GcmBlockCipher Create(bool forEncryption, byte[] key, byte[] nonce)
    {
        // AesEngine directly rather than AesUtilities.CreateEngine: the module ships the netstandard2.0 build of
        // BouncyCastle, where both are the same managed engine.
        var gcm = new GcmBlockCipher(new AesEngine());
        gcm.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagBits, nonce));
        return gcm;
    }
}
