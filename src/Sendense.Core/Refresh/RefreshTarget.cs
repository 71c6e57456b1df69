using Sendense.Core.Discovery;

namespace Sendense.Core.Refresh;

/// <summary>The managed VMs of one vCenter that one login serves, with that way in (or why there is none).</summary>
/// <param name="VCenter">The vCenter as the hub's rows spell it (vcenter_host).</param>
/// <param name="CredentialId">The stored credential the login uses (and the rows record), or null for an explicit way in.</param>
/// <param name="Access">The way in; null when <paramref name="Refusal"/> says why there is none.</param>
/// <param name="VMs">The managed VMs as the hub has them.</param>
/// <param name="Refusal">Why these VMs cannot be refreshed (no credential): one error record, the VMs untouched.</param>
internal sealed record RefreshTarget(string VCenter, int? CredentialId, VCenterAccess? Access, List<VM> VMs, SendenseException? Refusal = null);
