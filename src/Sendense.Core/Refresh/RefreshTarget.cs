using Sendense.Core.Discovery;

namespace Sendense.Core.Refresh;

/// <summary>The managed VMs of one vCenter that one login serves, with that way in (or why there is none).</summary>
internal sealed class RefreshTarget
{
    internal RefreshTarget(string vcenter, int? credentialId, VCenterAccess? access, List<VM> vms, SendenseException? refusal = null)
    {
        VCenter = vcenter;
        CredentialId = credentialId;
        Access = access;
        VMs = vms;
        Refusal = refusal;
    }

    /// <summary>The vCenter as the hub's rows spell it (vcenter_host).</summary>
    internal string VCenter { get; }

    /// <summary>The stored credential the login uses (and the rows record), or null for an explicit way in.</summary>
    internal int? CredentialId { get; }

    /// <summary>The way in; null when <see cref="Refusal"/> says why there is none.</summary>
    internal VCenterAccess? Access { get; }

    /// <summary>The managed VMs as the hub has them.</summary>
    internal List<VM> VMs { get; }

    /// <summary>Why these VMs cannot be refreshed (no credential): one error record, the VMs untouched.</summary>
    internal SendenseException? Refusal { get; }
}
