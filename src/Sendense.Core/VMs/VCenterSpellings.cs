using System.Net;
using Sendense.Core.Credentials;

namespace Sendense.Core.VMs;

/// <summary>
/// One vCenter, two spellings: VMs discovered through "127.0.0.1:8989" and later through "localhost:8989" have the same
/// BIOS uuids, and the hub's unique key is (uuid, vcenter_host), so without this every VM would be added twice. A
/// vCenter name the hub does not know yet is compared with the ones it does (its VMs' and its stored credentials'
/// vcenter_host): the same port, and names that resolve to a common address, are one vCenter, and its VMs are
/// matched and written under the spelling the hub already has, with a warning that says so.
/// </summary>
internal sealed class VCenterSpellings
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly Dictionary<string, Task<IPAddress[]>> _resolved = new Dictionary<string, Task<IPAddress[]>>(StringComparer.OrdinalIgnoreCase);

    internal VCenterSpellings(Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null) => _resolve = resolve ?? ResolveAsync;

    /// <summary>Sets <see cref="DiscoveredVM.HubVCenter"/> on the VMs of every vCenter the hub knows under another name.</summary>
    internal async Task UnifyAsync(IReadOnlyList<DiscoveredVM> vms, IReadOnlyCollection<string> known, IOperationObserver observer,
        CancellationToken cancellationToken)
    {
        var knownSet = new HashSet<string>(known.Select(VCenterCredentialRules.NormalizeVCenter), StringComparer.OrdinalIgnoreCase);
        foreach (IGrouping<string, DiscoveredVM> vcenter in vms.Where(vm => !string.IsNullOrWhiteSpace(vm.VCenter))
                     .GroupBy(vm => vm.VCenter, StringComparer.OrdinalIgnoreCase))
        {
            if (knownSet.Contains(VCenterCredentialRules.NormalizeVCenter(vcenter.Key)))
            {
                continue;
            }

            (string Spelling, IPAddress Address)? same = await FindAsync(vcenter.Key, knownSet, cancellationToken).ConfigureAwait(false);
            if (same is not { } match)
            {
                continue;
            }

            observer.Warning(Messages.VMs.SameVCenterOtherSpelling(vcenter.Key, match.Spelling, match.Address.ToString(), Endpoint.Of(vcenter.Key).Port));
            foreach (DiscoveredVM vm in vcenter)
            {
                vm.HubVCenter = match.Spelling;
            }
        }
    }

    private async Task<(string, IPAddress)?> FindAsync(string given, IEnumerable<string> known, CancellationToken cancellationToken)
    {
        Endpoint endpoint = Endpoint.Of(given);
        List<string> samePort = known.Where(k => Endpoint.Of(k).Port == endpoint.Port).OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToList();
        if (samePort.Count == 0)
        {
            return null;
        }

        IPAddress[] addresses = await AddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        foreach (string spelling in samePort)
        {
            IPAddress[] other = await AddressesAsync(Endpoint.Of(spelling).Host, cancellationToken).ConfigureAwait(false);
            IPAddress? common = addresses.FirstOrDefault(a => other.Contains(a));
            if (common is not null)
            {
                return (spelling, common);
            }
        }

        return null;
    }

    private Task<IPAddress[]> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        if (!_resolved.TryGetValue(host, out Task<IPAddress[]>? addresses))
        {
            _resolved[host] = addresses = IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? literal)
                ? Task.FromResult(new[] { literal })
                : _resolve(host, cancellationToken);
        }

        return addresses;
    }

    // A name that does not resolve (or not in time) matches nothing: the VMs are then written under the name given.
    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Task<IPAddress[]> lookup = Dns.GetHostAddressesAsync(host);
        Task finished = await Task.WhenAny(lookup, Task.Delay(ResolveTimeout, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (finished != lookup || lookup.IsFaulted)
        {
            _ = lookup.ContinueWith(t => t.Exception, TaskScheduler.Default); // observe a late failure
            return Array.Empty<IPAddress>();
        }

        return await lookup.ConfigureAwait(false);
    }

    /// <summary>A vcenter_host value as host and port (443 when none is given).</summary>
    private readonly record struct Endpoint(string Host, int Port)
    {
        internal static Endpoint Of(string vcenter)
        {
            string normalized = VCenterCredentialRules.NormalizeVCenter(vcenter);
            return Uri.TryCreate("https://" + normalized, UriKind.Absolute, out Uri? uri) && uri.Host.Length > 0
                ? new Endpoint(uri.Host, uri.Port)
                : new Endpoint(normalized, 443);
        }
    }
}
