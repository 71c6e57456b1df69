using System.Management.Automation;
using System.Runtime.CompilerServices;
using Sendense.Core.Credentials;
using Sendense.Hub.Credentials;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that log in to vCenter with a credential stored in the hub (-VCenterCredential): key
/// parameters, -AllowPlaintextPassword, and the one way to resolve a credential and count its use.
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected ResolvedVCenterCredential ResolveStoredCredential(HubConnection hub, VCenterCredentialIdentity identity)
    {
        CredentialKeySource keys = KeySource(AllowPlaintextPassword.IsPresent);
        try
        {
            ResolvedVCenterCredential credential = Await(token => VCenterCredentialEngine.ResolveAsync(hub, identity, keys, token));
            if (credential.Warning is not null)
            {
                WriteWarning(credential.Warning);
            }

            WriteVerbose($"Using vCenter credential '{credential.Name}' (id {credential.Id}): {credential.UserName} at {credential.VCenter}.");
            return credential;
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, identity);
            throw;
        }
    }

    /// <summary>Counts one use of a stored credential (last_used, usage_count), after the work it served succeeded.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected void RecordCredentialUse(HubConnection hub, int credentialId)
    {
        try
        {
            Await(token => VCenterCredentialEngine.RecordUseAsync(hub, credentialId, token));
        }
        catch (SendenseException exception)
        {
            // The work is done; failing to count it must not turn a success into an error.
            WriteWarning($"Could not count the use of vCenter credential {credentialId}: {exception.Message}");
        }
    }
}
