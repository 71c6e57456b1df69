using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that log in to vCenter with a credential stored in the hub (-VCenterCredential): key
/// parameters, -AllowPlaintextPassword, and the one way to resolve a credential and count its use (both through
/// <see cref="CredentialService"/>).
/// </summary>
public abstract class StoredCredentialCmdlet : CredentialKeyCmdlet
{
    /// <summary>Use a password the hub stored in clear (a hub without a key wrote it); a warning says so.</summary>
    [Parameter]
    public SwitchParameter AllowPlaintextPassword { get; set; }

    /// <summary>
    /// The active credential named by <paramref name="identity"/> with its password decrypted (a read-only
    /// SecureString), or a terminating error that names the credential and says what to do. The caller disposes it.
    /// </summary>
    protected ResolvedVCenterCredential ResolveStoredCredential(HubConnection hub, VCenterCredentialIdentity identity)
    {
        CredentialKeySource keys = KeySource(AllowPlaintextPassword.IsPresent);
        return Run((observer, token) => Services.Credentials(hub).ResolveForLoginAsync(identity, keys, observer, token), identity);
    }

    /// <summary>Counts one use of a stored credential (last_used, usage_count), after the work it served succeeded.</summary>
    protected void RecordCredentialUse(HubConnection hub, int credentialId) =>
        Run((observer, token) => Services.Credentials(hub).RecordUseAsync(credentialId, observer, token), credentialId);
}
