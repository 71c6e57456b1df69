using System.Security;

namespace Sendense.Core.Credentials;

/// <summary>
/// An active stored credential, ready to log in with: the password is decrypted into a read-only SecureString and
/// exists in no other form. Dispose it when the login is done.
/// </summary>
/// <param name="Id">id; write it to vm_replication_contexts.credential_id.</param>
/// <param name="Name">credential_name.</param>
/// <param name="VCenter">vcenter_host: log in at https://&lt;VCenter&gt;/sdk.</param>
/// <param name="UserName">username.</param>
/// <param name="Password">The decrypted password, read-only.</param>
/// <param name="Datacenter">datacenter: the one discovery is scoped to.</param>
/// <param name="Warning">
/// A warning for the user (the password is stored in upstream's TEMP_PLAINTEXT_ form, or in clear and used because
/// plaintext was allowed); null when the password was properly encrypted.
/// </param>
public sealed record ResolvedVCenterCredential(int Id, string Name, string VCenter, string UserName, SecureString Password, string Datacenter, string? Warning)
    : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Password.Dispose();

    /// <summary>Names the credential, never the password.</summary>
    public override string ToString() => $"{Name} ({UserName} at {VCenter})";
}
