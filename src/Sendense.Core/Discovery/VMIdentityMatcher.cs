using Sendense.Core.Credentials;

namespace Sendense.Core.Discovery;

/// <summary>
/// Answers identity requests (PowerCLI objects, names) from one discovery sweep: each request gets exactly one VM or
/// an error that says why not, and every VM is returned once, in request order.
/// </summary>
public static class VMIdentityMatcher
{
    /// <summary>
    /// Splits off the requests whose PowerCLI Uid names another vCenter than <paramref name="vcenter"/>, the one the
    /// sweep logs in to: those cannot be found there.
    /// </summary>
    public static (IReadOnlyList<VMIdentityRequest> Here, IReadOnlyList<(VMIdentityRequest Request, SendenseException Error)> Elsewhere)
        SplitByVCenter(IEnumerable<VMIdentityRequest> requests, string vcenter)
    {
        var here = new List<VMIdentityRequest>();
        var elsewhere = new List<(VMIdentityRequest, SendenseException)>();
        foreach (VMIdentityRequest request in requests)
        {
            if (request.Server is not null && !SameVCenter(request.Server, vcenter))
            {
                elsewhere.Add((request, new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                    $"{request.Identity} belongs to vCenter {request.Server}, but this command discovers in vCenter {vcenter}. Add it in a separate call for that vCenter.")));
                continue;
            }

            here.Add(request);
        }

        return (here, elsewhere);
    }

    /// <summary>The VM of each request among <paramref name="vms"/>; none or several is an error for that request.</summary>
    public static (IReadOnlyList<DiscoveredVM> Found, IReadOnlyList<(VMIdentityRequest Request, SendenseException Error)> Problems)
        Match(IEnumerable<VMIdentityRequest> requests, IReadOnlyList<DiscoveredVM> vms, string vcenter)
    {
        var found = new List<DiscoveredVM>();
        var problems = new List<(VMIdentityRequest, SendenseException)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (VMIdentityRequest request in requests)
        {
            List<DiscoveredVM> matches = vms.Where(request.Identity.Matches).ToList();
            if (matches.Count == 0)
            {
                problems.Add((request, new SendenseException(SendenseErrorCode.VCenterVMNotFound,
                    $"No VM with {request.Identity} was found in vCenter {vcenter}.")));
            }
            else if (matches.Count > 1)
            {
                problems.Add((request, new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                    $"{matches.Count} VMs in vCenter {vcenter} have {request.Identity} ({string.Join(", ", matches.Select(m => m.Path))}). " +
                    "Pipe the PowerCLI objects (Get-VM) or discovered VMs instead, so each names one VM.")));
            }
            else if (seen.Add(matches[0].MoRef))
            {
                found.Add(matches[0]);
            }
        }

        return (found, problems);
    }

    /// <summary>True when two vCenter names (host, host:port or URL) name the same server.</summary>
    public static bool SameVCenter(string a, string b) =>
        string.Equals(VCenterCredentialRules.NormalizeVCenter(a), VCenterCredentialRules.NormalizeVCenter(b), StringComparison.OrdinalIgnoreCase);
}
