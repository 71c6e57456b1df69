using System.Net;
using System.Security;
using Sendense.Core.Credentials;

namespace Sendense.Tests.Credentials;

internal static class Secrets
{
    internal static SecureString Secure(string value)
    {
        SecureString secure = new NetworkCredential(string.Empty, value).SecurePassword;
        secure.MakeReadOnly();
        return secure;
    }

    internal static string Reveal(SecureString secure) => new NetworkCredential(string.Empty, secure).Password;

    /// <summary>A key source that sees only the given environment (never the test process's own).</summary>
    internal static CredentialKeySource Keys(string? key = null, string? keyFile = null, bool allowPlaintext = false,
        string? environmentKey = null, string? environmentKeyFile = null) =>
        new CredentialKeySource(name => name switch
        {
            CredentialKeySource.KeyVariable => environmentKey,
            CredentialKeySource.KeyFileVariable => environmentKeyFile,
            _ => null,
        })
        {
            Key = key is null ? null : Secure(key),
            KeyFile = keyFile,
            AllowPlaintextPassword = allowPlaintext,
        };

    /// <summary>A password with characters from several scripts, quotes and a space, to catch encoding slips.</summary>
    internal static string NewPassword() => "Pä$$ w0rd-ключ-密码-'\"-" + Guid.NewGuid().ToString("N")[..10];
}
