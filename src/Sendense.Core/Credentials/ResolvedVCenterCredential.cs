using System.Security;

namespace Sendense.Core.Credentials;

/// <summary>
/// An active stored credential, ready to log in with: the password is decrypted into a read-only SecureString and
/// exists in no other form. Dispose it when the login is done.
/// </summary>
public sealed class ResolvedVCenterCredential : IDisposable
{
    internal ResolvedVCenterCredential(int id, string name, string vCenter, string userName, SecureString password,
        string datacenter, string? warning)
    {
        Id = id;
        Name = name;
        VCenter = vCenter;
        UserName = userName;
        Password = password;
        Datacenter = datacenter;
        Warning = warning;
    }

    /// <summary>id; write it to vm_replication_contexts.credential_id.</summary>
    public int Id { get; }

    /// <summary>credential_name.</summary>
    public string Name { get; }

    /// <summary>vcenter_host: log in at https://&lt;VCenter&gt;/sdk.</summary>
    public string VCenter { get; }

    /// <summary>username.</summary>
    public string UserName { get; }

    /// <summary>The decrypted password, read-only.</summary>
    public SecureString Password { get; }

    /// <summary>datacenter: the one discovery is scoped to.</summary>
    public string Datacenter { get; }

    /// <summary>
    /// A warning for the user (the password is stored in upstream's TEMP_PLAINTEXT_ form, or in clear and used
    /// because plaintext was allowed); null when the password was properly encrypted. Cmdlets write it with WriteWarning.
    /// </summary>
    public string? Warning { get; }

    /// <inheritdoc />
    public void Dispose() => Password.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({UserName} at {VCenter})";
}
