using Sendense.Core.Credentials;
using Sendense.Core.Discovery;

namespace Sendense.Core.Refresh;

/// <summary>
/// Groups the managed VMs by the login that serves them. With an explicit way in, every VM of that vCenter uses it
/// (VMs of other vCenters get one error per vCenter). Otherwise each VM logs in with the stored credential it records
/// (credential_id), and a VM that records none with the hub's unambiguous credential for its vCenter (the rule
/// Add-SendenseVM uses); a vCenter with neither gets one error naming it and the fix.
/// </summary>
internal static class RefreshTargets
{
    internal static List<RefreshTarget> Group(IReadOnlyList<VM> vms, RefreshRequest request, string? explicitVCenter,
        IReadOnlyList<VCenterCredential> stored)
    {
        var targets = new List<RefreshTarget>();
        foreach (IGrouping<string, VM> vcenter in vms.GroupBy(v => v.VCenter, StringComparer.OrdinalIgnoreCase))
        {
            List<VM> members = vcenter.ToList();
            if (request.Access is not null)
            {
                targets.Add(explicitVCenter is null || VMIdentityMatcher.SameVCenter(explicitVCenter, vcenter.Key)
                    ? new RefreshTarget(vcenter.Key, null, request.Access, members)
                    : new RefreshTarget(vcenter.Key, null, null, members, Messages.Refresh.AccessForOtherVCenter(vcenter.Key, explicitVCenter, members.Count)));
                continue;
            }

            VCenterCredential? fallback = null;
            string why = string.Empty;
            if (members.Any(v => v.CredentialId is null))
            {
                fallback = CredentialMatcher.ForVCenter(stored, vcenter.Key, out why);
            }

            foreach (IGrouping<int?, VM> login in members.GroupBy(v => v.CredentialId ?? fallback?.Id))
            {
                targets.Add(login.Key is int id
                    ? new RefreshTarget(vcenter.Key, id, For(request.Settings, id), login.ToList())
                    : new RefreshTarget(vcenter.Key, null, null, login.ToList(), Messages.Refresh.NoCredential(vcenter.Key, why, login.Count())));
            }
        }

        return targets;
    }

    // A stored credential's way in, with the command's certificate, http and timeout settings.
    private static VCenterAccess For(VCenterAccess settings, int credentialId) => new VCenterAccess
    {
        StoredCredential = new VCenterCredentialIdentity(credentialId),
        Keys = settings.Keys,
        Thumbprint = settings.Thumbprint,
        SkipCertificateCheck = settings.SkipCertificateCheck,
        AllowInsecureHttp = settings.AllowInsecureHttp,
        Timeout = settings.Timeout,
    };
}
