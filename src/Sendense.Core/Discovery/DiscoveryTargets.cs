using Sendense.Core.Credentials;

namespace Sendense.Core.Discovery;

/// <summary>
/// The vCenters of one Invoke-SendenseVMDiscovery: stored-credential names with wildcards (-VCenterCredential *)
/// become one target per matching active credential (names compared as the hub compares them, one query for all),
/// and a credential named twice is discovered once.
/// </summary>
internal static class DiscoveryTargets
{
    internal static bool HasPatterns(IReadOnlyList<VCenterAccess> targets) =>
        targets.Any(t => t.StoredCredential?.Name is { } name && Wildcard.ContainsWildcards(name));

    internal static async Task<IReadOnlyList<VCenterAccess>> ExpandAsync(IReadOnlyList<VCenterAccess> targets, ICredentialStore? credentials,
        IOperationObserver observer, CancellationToken cancellationToken)
    {
        if (!HasPatterns(targets) || credentials is null)
        {
            return Distinct(targets);
        }

        IReadOnlyList<VCenterCredential> stored = await credentials.ListAsync(cancellationToken).ConfigureAwait(false);
        var expanded = new List<VCenterAccess>();
        foreach (VCenterAccess target in targets)
        {
            if (target.StoredCredential?.Name is not { } name || !Wildcard.ContainsWildcards(name))
            {
                expanded.Add(target);
                continue;
            }

            var pattern = new Wildcard(name);
            List<VCenterCredential> matches = stored.Where(c => c.IsActive && pattern.IsMatch(c.Name)).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
            observer.Verbose(Messages.FanOut.CredentialsMatched(name, matches.Select(c => c.Name).ToList()));
            expanded.AddRange(matches.Select(c => With(target, new VCenterCredentialIdentity(c))));
        }

        return Distinct(expanded);
    }

    /// <summary>What names a target in an error record: the stored credential, else the vCenter.</summary>
    internal static string Describe(VCenterAccess target) =>
        target.StoredCredential?.Name ?? (target.StoredCredential?.Id is int id ? "credential id " + id.ToString(CultureInfo.InvariantCulture) : null)
        ?? target.VCenter ?? target.SessionServer ?? "vCenter";

    private static List<VCenterAccess> Distinct(IEnumerable<VCenterAccess> targets)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return targets.Where(t => t.StoredCredential is null || seen.Add(t.StoredCredential.Id?.ToString(CultureInfo.InvariantCulture) ?? "name:" + t.StoredCredential.Name)).ToList();
    }

    private static VCenterAccess With(VCenterAccess target, VCenterCredentialIdentity credential) => new VCenterAccess
    {
        VCenter = target.VCenter,
        StoredCredential = credential,
        Keys = target.Keys,
        Thumbprint = target.Thumbprint,
        SkipCertificateCheck = target.SkipCertificateCheck,
        AllowInsecureHttp = target.AllowInsecureHttp,
        Timeout = target.Timeout,
    };
}
