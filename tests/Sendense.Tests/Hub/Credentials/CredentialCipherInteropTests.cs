using System.Security;
using System.Security.Cryptography;
using Sendense.Hub.Credentials;
using Sendense.Tests.Credentials;

namespace Sendense.Tests.Hub.Credentials;

/// <summary>
/// The module's cipher against two independent implementations of the hub's algorithm: Go's crypto/cipher (the
/// hub's own language and library, through tests/tools/credcrypt, run live) and .NET's platform AesGcm.
/// </summary>
public sealed class CredentialCipherInteropTests
{
    private static readonly string[] Plaintexts =
    {
        "a",
        "VMware1!",
        "correct horse battery staple",
        "Pä$$wörd-ключ-密码-🔐",
        "quotes ' \" ` and backslash \\ and tab\t",
        new string('x', 1000),
        "ends with spaces   ",
    };

    [Fact]
    public void Values_encrypted_by_Go_decrypt_in_the_module()
    {
        string key = CredCrypt.NewKey();
        IReadOnlyList<string> stored = CredCrypt.Encrypt(key, Plaintexts);

        Assert.Equal(Plaintexts.Length, stored.Count);
        for (int i = 0; i < Plaintexts.Length; i++)
        {
            using SecureString password = StoredPassword.Open(stored[i], Keys(key), "go-made", out string? warning);
            Assert.Equal(Plaintexts[i], Reveal(password));
            Assert.Null(warning);
        }
    }

    [Fact]
    public void Values_encrypted_by_the_module_decrypt_in_Go()
    {
        string key = CredCrypt.NewKey();
        List<string> stored = Plaintexts.Select(p => StoredPassword.Seal(Secure(p), Keys(key), "ps-made")).ToList();

        IReadOnlyList<string?> decrypted = CredCrypt.Decrypt(key, stored);

        Assert.Equal(Plaintexts, decrypted);
    }

    [Fact]
    public void Go_refuses_module_values_under_another_key_and_the_module_refuses_Go_values_under_another_key()
    {
        string key = CredCrypt.NewKey();
        string otherKey = CredCrypt.NewKey();
        string password = NewPassword();
        string fromModule = StoredPassword.Seal(Secure(password), Keys(key), "x");
        string fromGo = CredCrypt.Encrypt(key, new[] { password })[0];

        Assert.Null(CredCrypt.Decrypt(otherKey, new[] { fromModule })[0]);
        var error = Assert.Throws<SendenseException>(() => StoredPassword.Open(fromGo, Keys(otherKey), "Prod-vCenter", out _));

        Assert.Equal(SendenseErrorCode.CredentialDecryptionFailed, error.Code);
        Assert.Contains("'Prod-vCenter'", error.Message);
        Assert.Contains("the -EncryptionKey parameter", error.Message);
        AssertNoSecret(error, password, fromGo, key, otherKey);
    }

    [Fact]
    public void The_stored_layout_is_base64_of_nonce_ciphertext_tag_with_a_fresh_nonce_each_time()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        byte[] plaintext = System.Text.Encoding.UTF8.GetBytes("VMware1!");

        byte[] first = Convert.FromBase64String(CredentialCipher.Encrypt(key, plaintext));
        byte[] second = Convert.FromBase64String(CredentialCipher.Encrypt(key, plaintext));

        Assert.Equal(12 + plaintext.Length + 16, first.Length);
        Assert.NotEqual(first.Take(12), second.Take(12));

        // .NET's platform AES-GCM (OpenSSL here) reads the layout the same way: nonce, then ciphertext, then tag.
        using var platform = new AesGcm(key, 16);
        byte[] opened = new byte[plaintext.Length];
        platform.Decrypt(first.AsSpan(0, 12), first.AsSpan(12, plaintext.Length), first.AsSpan(12 + plaintext.Length), opened);
        Assert.Equal(plaintext, opened);
    }

    [Fact]
    public void Values_sealed_by_the_platform_AesGcm_open_in_the_module()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        byte[] nonce = RandomNumberGenerator.GetBytes(12);
        byte[] plaintext = System.Text.Encoding.UTF8.GetBytes("ключ-密码");
        byte[] blob = new byte[12 + plaintext.Length + 16];
        nonce.CopyTo(blob, 0);
        using (var platform = new AesGcm(key, 16))
        {
            platform.Encrypt(nonce, plaintext, blob.AsSpan(12, plaintext.Length), blob.AsSpan(12 + plaintext.Length));
        }

        Assert.Equal(plaintext, CredentialCipher.Decrypt(key, blob));
    }

    [Fact]
    public void A_changed_byte_anywhere_fails_authentication_instead_of_giving_a_wrong_password()
    {
        string key = CredCrypt.NewKey();
        string password = NewPassword();
        byte[] blob = Convert.FromBase64String(CredCrypt.Encrypt(key, new[] { password })[0]);

        foreach (int position in new[] { 0, 11, 12, blob.Length - 17, blob.Length - 1 })
        {
            byte[] altered = (byte[])blob.Clone();
            altered[position] ^= 0x01;
            string stored = Convert.ToBase64String(altered);
            var error = Assert.Throws<SendenseException>(() => StoredPassword.Open(stored, Keys(key), "tampered", out _));
            Assert.Equal(SendenseErrorCode.CredentialDecryptionFailed, error.Code);
            AssertNoSecret(error, password, stored, key);
        }
    }

    [Fact]
    public void Upstream_TEMP_PLAINTEXT_values_are_read_with_a_warning_and_need_no_key()
    {
        using SecureString password = StoredPassword.Open("TEMP_PLAINTEXT_VMware1!", Keys(), "seed", out string? warning);

        Assert.Equal("VMware1!", Reveal(password));
        Assert.NotNull(warning);
        Assert.Contains("'seed'", warning);
        Assert.Contains("Set-SendenseVCenterCredential", warning);
        Assert.DoesNotContain("VMware1!", warning);
    }

    [Theory]
    [InlineData("TEMP_PLAINTEXT_", SendenseErrorCode.CredentialPasswordCorrupt)]
    [InlineData("TEMP", SendenseErrorCode.CredentialPasswordNotEncrypted)]
    [InlineData("TEMP_", SendenseErrorCode.CredentialPasswordNotEncrypted)]
    [InlineData("TEMP_PLAIN", SendenseErrorCode.CredentialPasswordNotEncrypted)]
    [InlineData("", SendenseErrorCode.CredentialPasswordCorrupt)]
    [InlineData("hunter2", SendenseErrorCode.CredentialPasswordNotEncrypted)]
    [InlineData("QUJD", SendenseErrorCode.CredentialPasswordNotEncrypted)]
    public void Short_odd_and_plaintext_values_fail_safely_with_a_clear_error(string stored, SendenseErrorCode expected)
    {
        // Upstream slices value[15:] after a TEMP_ prefix and panics on short values; here each is a clean error.
        var error = Assert.Throws<SendenseException>(() => StoredPassword.Open(stored, Keys(CredCrypt.NewKey()), "odd", out _));

        Assert.Equal(expected, error.Code);
        Assert.Contains("'odd'", error.Message);
        if (stored.Length > 0 && !stored.StartsWith("TEMP", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(stored, error.Message);
        }
    }

    [Fact]
    public void A_password_stored_in_clear_by_a_keyless_hub_is_refused_unless_plaintext_is_allowed()
    {
        string plaintext = "Keyless-Hub-Pw1";

        var error = Assert.Throws<SendenseException>(() => StoredPassword.Open(plaintext, Keys(CredCrypt.NewKey()), "legacy", out _));
        using SecureString allowed = StoredPassword.Open(plaintext, Keys(allowPlaintext: true), "legacy", out string? warning);

        Assert.Equal(SendenseErrorCode.CredentialPasswordNotEncrypted, error.Code);
        Assert.Contains("-AllowPlaintextPassword", error.Message);
        AssertNoSecret(error, plaintext);
        Assert.Equal(plaintext, Reveal(allowed));
        Assert.Contains("in clear", warning);
        Assert.DoesNotContain(plaintext, warning);
    }

    [Fact]
    public void A_real_ciphertext_never_falls_back_to_plaintext_even_when_allowed()
    {
        string stored = CredCrypt.Encrypt(CredCrypt.NewKey(), new[] { "s3cret!" })[0];

        var error = Assert.Throws<SendenseException>(() => StoredPassword.Open(stored, Keys(CredCrypt.NewKey(), allowPlaintext: true), "x", out _));

        Assert.Equal(SendenseErrorCode.CredentialDecryptionFailed, error.Code);
    }

    [Fact]
    public void Without_a_key_encryption_and_decryption_say_how_to_give_one()
    {
        string stored = CredCrypt.Encrypt(CredCrypt.NewKey(), new[] { "s3cret!" })[0];

        var open = Assert.Throws<SendenseException>(() => StoredPassword.Open(stored, Keys(), "Prod", out _));
        var seal = Assert.Throws<SendenseException>(() => StoredPassword.Seal(Secure("s3cret!"), Keys(), "Prod"));

        Assert.Equal(SendenseErrorCode.CredentialKeyMissing, open.Code);
        Assert.Equal(SendenseErrorCode.CredentialKeyMissing, seal.Code);
        Assert.Contains("decrypt the password of vCenter credential 'Prod'", open.Message);
        Assert.Contains("MIGRATEKIT_CRED_ENCRYPTION_KEY", seal.Message);
        Assert.Contains("-EncryptionKeyFile", seal.Message);
    }

    internal static void AssertNoSecret(Exception error, params string[] secrets)
    {
        string everything = error.ToString();
        foreach (string secret in secrets)
        {
            Assert.DoesNotContain(secret, everything);
        }
    }
}
