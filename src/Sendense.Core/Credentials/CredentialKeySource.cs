using System.Runtime.InteropServices;
using System.Security;

namespace Sendense.Core.Credentials;

/// <summary>
/// Where the hub's credential encryption key comes from, first match wins: the -EncryptionKey parameter, the
/// -EncryptionKeyFile parameter, the MIGRATEKIT_CRED_ENCRYPTION_KEY environment variable (the hub's own), the
/// SENDENSE_CRED_ENCRYPTION_KEY_FILE environment variable (a key file for workstations that are not the hub).
/// The key is standard base64 of exactly 32 bytes (openssl rand -base64 32). A key file may hold just that text,
/// or be the hub's systemd unit or an environment file with a MIGRATEKIT_CRED_ENCRYPTION_KEY= assignment.
/// The key is read only when a password has to be encrypted or decrypted, and its bytes are wiped after use.
/// </summary>
public sealed class CredentialKeySource
{
    /// <summary>The hub's variable (upstream: services/credential_encryption_service.go).</summary>
    public const string KeyVariable = "MIGRATEKIT_CRED_ENCRYPTION_KEY";

    /// <summary>The module's variable naming a key file.</summary>
    public const string KeyFileVariable = "SENDENSE_CRED_ENCRYPTION_KEY_FILE";

    /// <summary>The key length AES-256 needs.</summary>
    public const int KeyLength = 32;

    private const string HowToFix =
        "The hub's key is standard base64 of 32 bytes, the value of MIGRATEKIT_CRED_ENCRYPTION_KEY in the hub's " +
        "systemd unit (/etc/systemd/system/sendense-hub.service).";

    private readonly Func<string, string?> _environment;

    /// <summary>A source that reads the process environment.</summary>
    public CredentialKeySource()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>A source with its own environment (tests).</summary>
    internal CredentialKeySource(Func<string, string?> environment) => _environment = environment;

    /// <summary>The key as given with -EncryptionKey (base64 text).</summary>
    public SecureString? Key { get; set; }

    /// <summary>The full path of a key file given with -EncryptionKeyFile.</summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// Use a stored password that is in clear (written by a hub without a key) instead of failing; a warning says so.
    /// </summary>
    public bool AllowPlaintextPassword { get; set; }

    /// <summary>Which source would be used, in words for messages; null when there is none.</summary>
    public string? Describe()
    {
        if (Key is not null)
        {
            return "the -EncryptionKey parameter";
        }

        if (!string.IsNullOrEmpty(KeyFile))
        {
            return $"the key file '{KeyFile}'";
        }

        if (!string.IsNullOrEmpty(_environment(KeyVariable)))
        {
            return $"the {KeyVariable} environment variable";
        }

        string? file = _environment(KeyFileVariable);
        return string.IsNullOrEmpty(file) ? null : $"the key file '{file}' (from {KeyFileVariable})";
    }

    /// <summary>
    /// The 32 key bytes. The caller must wipe them (Array.Clear) when done. <paramref name="purpose"/> completes
    /// the sentence "... needed to {purpose}" in the error for a missing key.
    /// </summary>
    public byte[] ReadKey(string purpose)
    {
        if (Key is not null)
        {
            char[] text = Reveal(Key);
            try
            {
                return Decode(text, 0, text.Length, "the -EncryptionKey parameter");
            }
            finally
            {
                Array.Clear(text, 0, text.Length);
            }
        }

        if (!string.IsNullOrEmpty(KeyFile))
        {
            return ReadKeyFile(KeyFile!, "the key file '" + KeyFile + "'");
        }

        string? variable = _environment(KeyVariable);
        if (!string.IsNullOrEmpty(variable))
        {
            char[] text = variable!.ToCharArray();
            try
            {
                return Decode(text, 0, text.Length, $"the {KeyVariable} environment variable");
            }
            finally
            {
                Array.Clear(text, 0, text.Length);
            }
        }

        string? file = _environment(KeyFileVariable);
        if (!string.IsNullOrEmpty(file))
        {
            return ReadKeyFile(file!, $"the key file '{file}' (from {KeyFileVariable})");
        }

        throw new SendenseException(SendenseErrorCode.CredentialKeyMissing,
            $"The hub's credential encryption key is needed to {purpose}, and none was given. Pass it with " +
            $"-EncryptionKey or -EncryptionKeyFile, or set the {KeyVariable} environment variable (on the hub it is " +
            "in /etc/systemd/system/sendense-hub.service).");
    }

    private static byte[] ReadKeyFile(string path, string where)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SendenseException(SendenseErrorCode.CredentialKeyInvalid,
                $"Cannot read {where}: {exception.Message} Check the path and that this user may read it.");
        }

        char[] text = Encoding.UTF8.GetChars(raw);
        Array.Clear(raw, 0, raw.Length);
        try
        {
            (int start, int length) = FindKeyText(text);
            return Decode(text, start, length, where);
        }
        finally
        {
            Array.Clear(text, 0, text.Length);
        }
    }

    // A key file is either the bare base64 text or lines where MIGRATEKIT_CRED_ENCRYPTION_KEY=<key> appears
    // (systemd's Environment=..., an env file, a shell export). The last assignment outside a comment wins, as in
    // systemd. Works on the char array so the key never becomes an immutable string.
    internal static (int Start, int Length) FindKeyText(char[] text)
    {
        int found = -1;
        int foundLength = 0;
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = lineStart;
            while (lineEnd < text.Length && text[lineEnd] != '\n')
            {
                lineEnd++;
            }

            int first = lineStart;
            while (first < lineEnd && char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            if (first < lineEnd && text[first] != '#' && text[first] != ';')
            {
                int at = IndexOf(text, first, lineEnd, KeyVariable + "=");
                if (at >= 0)
                {
                    int value = at + KeyVariable.Length + 1;
                    if (value < lineEnd && (text[value] == '"' || text[value] == '\''))
                    {
                        value++;
                    }

                    int end = value;
                    while (end < lineEnd && IsBase64Char(text[end]))
                    {
                        end++;
                    }

                    found = value;
                    foundLength = end - value;
                }
            }

            lineStart = lineEnd + 1;
        }

        if (found >= 0)
        {
            return (found, foundLength);
        }

        int start = 0;
        int stop = text.Length;
        while (start < stop && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        while (stop > start && char.IsWhiteSpace(text[stop - 1]))
        {
            stop--;
        }

        return (start, stop - start);
    }

    private static byte[] Decode(char[] text, int start, int length, string where)
    {
        while (length > 0 && char.IsWhiteSpace(text[start]))
        {
            start++;
            length--;
        }

        while (length > 0 && char.IsWhiteSpace(text[start + length - 1]))
        {
            length--;
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64CharArray(text, start, length);
        }
        catch (FormatException)
        {
            throw new SendenseException(SendenseErrorCode.CredentialKeyInvalid,
                $"The credential encryption key in {where} is not base64 text. {HowToFix}");
        }

        if (key.Length != KeyLength)
        {
            int decoded = key.Length;
            Array.Clear(key, 0, key.Length);
            throw new SendenseException(SendenseErrorCode.CredentialKeyInvalid,
                $"The credential encryption key in {where} decodes to {decoded} bytes, not {KeyLength}. {HowToFix}");
        }

        return key;
    }

    private static int IndexOf(char[] text, int from, int to, string value)
    {
        for (int i = from; i + value.Length <= to; i++)
        {
            int j = 0;
            while (j < value.Length && text[i + j] == value[j])
            {
                j++;
            }

            if (j == value.Length)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsBase64Char(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';

    private static char[] Reveal(SecureString secret)
    {
        IntPtr pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            var chars = new char[secret.Length];
            Marshal.Copy(pointer, chars, 0, chars.Length);
            return chars;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
