namespace Sendense.Core.Credentials;

/// <summary>
/// Picks the stored credential the hub would use for a vCenter when the user named none: the hub's backups need a
/// credential_id on every VM context, so VMs added without one would fail there later. Only an unambiguous answer
/// is given: the single active credential for that vCenter, or the default one among several.
/// </summary>
public static class CredentialMatcher
{
    /// <summary>The credential to record for VMs of <paramref name="vcenter"/>, or null with the reason in <paramref name="why"/>.</summary>
    public static VCenterCredential? ForVCenter(IEnumerable<VCenterCredential> credentials, string vcenter, out string why)
    {
        string host = VCenterCredentialRules.NormalizeVCenter(vcenter);
        List<VCenterCredential> candidates = credentials
            .Where(c => c.IsActive && string.Equals(VCenterCredentialRules.NormalizeVCenter(c.VCenter), host, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Id)
            .ToList();

        switch (candidates.Count)
        {
            case 0:
                why = $"the hub stores no active credential for vCenter {vcenter}";
                return null;
            case 1:
                why = $"it is the only active credential for vCenter {vcenter}";
                return candidates[0];
        }

        VCenterCredential? preferred = candidates.FirstOrDefault(c => c.IsDefault);
        if (preferred is not null)
        {
            why = $"it is the default among {candidates.Count} active credentials for vCenter {vcenter}";
            return preferred;
        }

        why = $"{candidates.Count} active credentials are stored for vCenter {vcenter} ({string.Join(", ", candidates.Select(c => c.Name))}) and none is the default";
        return null;
    }
}
