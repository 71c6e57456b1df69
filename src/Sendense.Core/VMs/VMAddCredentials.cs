using Sendense.Core.Credentials;
using Sendense.Core.Discovery;

namespace Sendense.Core.VMs;

/// <summary>
/// Which stored credential each added VM records in credential_id (the hub's backups need one): the credential given
/// with -VCenterCredential; otherwise the one each VM was discovered with; otherwise the hub's unambiguous credential
/// for the VM's vCenter (CredentialMatcher); failing all three, none, with a warning that says why.
/// </summary>
internal static class VMAddCredentials
{
    /// <summary>The VMs grouped by the credential id they record (null: none).</summary>
    internal static async Task<IReadOnlyList<(int? CredentialId, List<DiscoveredVM> VMs)>> AssignAsync(IReadOnlyList<DiscoveredVM> vms,
        VCenterCredentialIdentity? named, ICredentialStore? credentials, IOperationObserver observer, CancellationToken cancellationToken)
    {
        if (named is not null)
        {
            VCenterCredential stored = await NamedAsync(named, credentials, cancellationToken).ConfigureAwait(false);
            foreach (string other in VCentersOf(vms).Where(v => !VMIdentityMatcher.SameVCenter(v, stored.VCenter)))
            {
                observer.Warning(Messages.VMs.CredentialForOtherVCenter(stored.Name, stored.VCenter, other));
            }

            return new[] { ((int?)stored.Id, vms.ToList()) };
        }

        Dictionary<string, VCenterCredential?> matched = await MatchAsync(vms.Where(vm => vm.CredentialId is null), credentials, observer, cancellationToken)
            .ConfigureAwait(false);
        return vms.GroupBy(vm => vm.CredentialId ?? (matched.TryGetValue(VCenterOf(vm), out VCenterCredential? c) ? c?.Id : null))
            .Select(group => (group.Key, group.ToList()))
            .ToList();
    }

    // A named credential, without decrypting its password: writing its id needs no login.
    private static async Task<VCenterCredential> NamedAsync(VCenterCredentialIdentity identity, ICredentialStore? credentials, CancellationToken cancellationToken)
    {
        ICredentialStore store = credentials ?? throw new InvalidOperationException("-VCenterCredential needs the hub's credential store.");
        VCenterCredential credential = await store.FindAsync(identity, cancellationToken).ConfigureAwait(false)
            ?? throw Messages.VMs.CredentialNotFound(store.Hub, identity.ToString());
        if (!credential.IsActive)
        {
            throw Messages.VMs.CredentialInactive(credential.Name);
        }

        return credential;
    }

    // One query for the hub's credentials, then the unambiguous match per vCenter (or a warning why there is none).
    private static async Task<Dictionary<string, VCenterCredential?>> MatchAsync(IEnumerable<DiscoveredVM> vms, ICredentialStore? credentials,
        IOperationObserver observer, CancellationToken cancellationToken)
    {
        var matched = new Dictionary<string, VCenterCredential?>(StringComparer.OrdinalIgnoreCase);
        List<string> vcenters = VCentersOf(vms).ToList();
        if (vcenters.Count == 0 || credentials is null)
        {
            return matched;
        }

        IReadOnlyList<VCenterCredential> stored = await credentials.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (string vcenter in vcenters)
        {
            VCenterCredential? credential = CredentialMatcher.ForVCenter(stored, vcenter, out string why);
            matched[vcenter] = credential;
            if (credential is null)
            {
                observer.Warning(Messages.VMs.NoCredentialMatched(vcenter, why));
            }
            else
            {
                observer.Verbose(Messages.VMs.CredentialMatched(vcenter, credential.Name, credential.Id, why));
            }
        }

        return matched;
    }

    // The vCenters named by the VMs. A VM without one (a hand-made object) is refused by validation with its own
    // error; a warning about "vCenter " (blank) would only confuse.
    private static IEnumerable<string> VCentersOf(IEnumerable<DiscoveredVM> vms) =>
        vms.Select(VCenterOf).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.OrdinalIgnoreCase);

    // The spelling the rows are written under (the hub's, when it knows the vCenter by another name).
    private static string VCenterOf(DiscoveredVM vm) => vm.HubVCenter ?? vm.VCenter;

    /// <summary>Counts one use of a credential after the work it served; a failure to count never fails the add.</summary>
    internal static async Task RecordUseAsync(ICredentialStore? credentials, int credentialId, IOperationObserver observer, CancellationToken cancellationToken)
    {
        if (credentials is null)
        {
            return;
        }

        try
        {
            await credentials.RecordUseAsync(credentialId, cancellationToken).ConfigureAwait(false);
        }
        catch (SendenseException exception)
        {
            observer.Warning(Messages.VMs.UseNotCounted(credentialId, exception.Message));
        }
    }
}
