using Sendense.Core.Credentials;
using Sendense.Core.Discovery;
using Sendense.Core.VSphere;

namespace Sendense.Core.VMs;

/// <summary>
/// One Add-SendenseVM: PowerCLI objects and names are first discovered in their vCenter (one sweep for all), then every
/// VM gets the stored credential it records (VMAddCredentials) and each group of VMs is written by one
/// <see cref="VMAddRun"/>; a stored credential that served counts one use.
/// </summary>
internal sealed class VMAddition
{
    private readonly IVMStore _store;
    private readonly ICredentialStore? _credentials;
    private readonly IOutcomeObserver<VM> _observer;

    internal VMAddition(IVMStore store, ICredentialStore? credentials, IOutcomeObserver<VM> observer)
    {
        _store = store;
        _credentials = credentials;
        _observer = observer;
    }

    internal async Task AddAsync(VMAddRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<DiscoveredVM> vms = request.VMs;
        if (request.Identities.Count > 0)
        {
            vms = vms.Concat(await DiscoverIdentitiesAsync(request, cancellationToken).ConfigureAwait(false)).ToList();
        }

        if (vms.Count == 0)
        {
            return;
        }

        await new VCenterSpellings().UnifyAsync(vms, await KnownVCentersAsync(cancellationToken).ConfigureAwait(false), _observer, cancellationToken)
            .ConfigureAwait(false);

        foreach ((int? credentialId, List<DiscoveredVM> group) in await VMAddCredentials.AssignAsync(vms, request.Credential, _credentials, _observer, cancellationToken)
                     .ConfigureAwait(false))
        {
            int written;
            using (IVMAddSession session = await _store.OpenAddSessionAsync(credentialId, cancellationToken).ConfigureAwait(false))
            {
                written = await new VMAddRun(session, _store.Hub, credentialId, request.WhatIf, _observer)
                    .RunAsync(group, request.BatchSize, cancellationToken).ConfigureAwait(false);
            }

            if (credentialId is int id && written > 0)
            {
                await VMAddCredentials.RecordUseAsync(_credentials, id, _observer, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The vCenter names the hub uses: its VMs' and its stored credentials'.
    private async Task<IReadOnlyCollection<string>> KnownVCentersAsync(CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(await _store.CompleteAsync(VMColumn.VCenter, string.Empty, 10_000, cancellationToken).ConfigureAwait(false),
            StringComparer.OrdinalIgnoreCase);
        if (_credentials is not null)
        {
            known.UnionWith((await _credentials.ListAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.VCenter));
        }

        return known;
    }

    // One sweep for every identity; the matching rules live in VMIdentityMatcher.
    private async Task<IReadOnlyList<DiscoveredVM>> DiscoverIdentitiesAsync(VMAddRequest request, CancellationToken cancellationToken)
    {
        string? uidServer = request.Identities.Select(i => i.Server).FirstOrDefault(s => s is not null);
        (VCenterConnectionOptions options, ResolvedVCenterCredential? stored) =
            await request.Access.OpenAsync(_credentials, uidServer, _observer, cancellationToken).ConfigureAwait(false);
        using (stored)
        {
            string host = options.HostName;
            var (wanted, elsewhere) = VMIdentityMatcher.SplitByVCenter(request.Identities, host);
            foreach (var (identity, error) in elsewhere)
            {
                _observer.Outcome(Outcome.Fail<VM>(identity.Source, error));
            }

            if (wanted.Count == 0)
            {
                return Array.Empty<DiscoveredVM>();
            }

            var discovery = new VMDiscoveryRequest { Identities = wanted.Select(i => i.Identity).Distinct().ToList() };
            _observer.Verbose($"Discovering {Plural.Of(discovery.Identities.Count, "VM")} in vCenter {host} to get their full metadata.");
            var collector = new CollectingDiscoveryObserver(_observer);
            VMDiscoveryResult result;
            try
            {
                result = await VMDiscoveryService.DiscoverAsync(options, discovery, collector, cancellationToken).ConfigureAwait(false);
            }
            catch (SendenseException exception) when (exception.Target is null)
            {
                throw Messages.Discovery.About(exception, host);
            }

            var (found, problems) = VMIdentityMatcher.Match(wanted, collector.VMs, host);
            foreach (var (identity, error) in problems)
            {
                _observer.Outcome(Outcome.Fail<VM>(identity.Source, error));
            }

            foreach (DiscoveredVM vm in found)
            {
                vm.CredentialId = stored?.Id;
            }

            _observer.Verbose($"Found {found.Count} of {wanted.Count} VM(s) in vCenter {host} in {result.Elapsed.TotalSeconds:0.00} s.");
            return found;
        }
    }
}
