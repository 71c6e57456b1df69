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
    /// <summary>The VMs grouped by the credential id they record (null: none); <paramref name="stored"/> is the hub's credential list, read once by the caller.</summary>
    internal static async Task<IReadOnlyList<CredentialGroup>> AssignAsync(IReadOnlyList<DiscoveredVM> vms,
        VCenterCredentialIdentity? named, ICredentialStore? credentials, IReadOnlyList<VCenterCredential> stored, IOperationObserver observer,
        CancellationToken cancellationToken)
    {
        if (named is not null)
        {
            VCenterCredential given = await NamedAsync(named, credentials, cancellationToken).ConfigureAwait(false);
            foreach (string other in VCentersOf(vms).Where(v => !VMIdentityMatcher.SameVCenter(v, given.VCenter)))
            {
                observer.Warning(Messages.VMs.CredentialForOtherVCenter(given.Name, given.VCenter, other));
            }

            return new[] { new CredentialGroup(given.Id, vms.ToList()) };
        }

        Dictionary<string, VCenterCredential?> matched = Match(vms.Where(vm => vm.CredentialId is null), credentials is null ? null : stored, observer);
        // Groups in order of first appearance, found by a linear search: there are as many as credentials (a handful),
        // and a loop compiles to less than GroupBy over an int? key (code a process's first add would JIT).
        var groups = new List<CredentialGroup>();
        foreach (DiscoveredVM vm in vms)
        {
            int? id = vm.CredentialId ?? (matched.TryGetValue(VCenterOf(vm), out VCenterCredential? c) ? c?.Id : null);
            CredentialGroup? group = null;
            foreach (CredentialGroup existing in groups)
            {
                if (existing.CredentialId == id)
                {
                    group = existing;
                    break;
                }
            }

            if (group is null)
            {
                group = new CredentialGroup(id, new List<DiscoveredVM>());
                groups.Add(group);
            }

            group.VMs.Add(vm);
        }

        return groups;
    }

    /// <summary>The VMs that record one credential id (null: none).</summary>
    internal sealed record CredentialGroup(int? CredentialId, List<DiscoveredVM> VMs);

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

    // The unambiguous match per vCenter among the hub's credentials (or a warning why there is none); nothing to match
    // without a credential store.
    private static Dictionary<string, VCenterCredential?> Match(IEnumerable<DiscoveredVM> vms, IReadOnlyList<VCenterCredential>? stored,
        IOperationObserver observer)
    {
        var matched = new Dictionary<string, VCenterCredential?>(StringComparer.OrdinalIgnoreCase);
        List<string> vcenters = VCentersOf(vms).ToList();
        if (vcenters.Count == 0 || stored is null)
        {
            return matched;
        }

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
