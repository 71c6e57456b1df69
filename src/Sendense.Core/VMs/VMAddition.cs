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
    private IReadOnlyList<VCenterCredential>? _stored;

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

        foreach ((int? credentialId, List<DiscoveredVM> group) in await VMAddCredentials.AssignAsync(vms, request.Credential, _credentials,
                     await StoredCredentialsAsync(cancellationToken).ConfigureAwait(false), _observer, cancellationToken)
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
            known.UnionWith((await StoredCredentialsAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.VCenter));
        }

        return known;
    }

    // The hub's stored credentials, read once per add: the identity sweep, the vCenter spellings and the credential
    // match see one snapshot, and the add pays one query for them instead of three.
    private async Task<IReadOnlyList<VCenterCredential>> StoredCredentialsAsync(CancellationToken cancellationToken) =>
        _stored ??= _credentials is null
            ? Array.Empty<VCenterCredential>()
            : await _credentials.ListAsync(cancellationToken).ConfigureAwait(false);

    // One sweep per vCenter: PowerCLI objects of several vCenters (their Uids say which) are discovered in parallel,
    // each vCenter with the way in given when it is that vCenter's, else with the hub's stored credential for it.
    private async Task<IReadOnlyList<DiscoveredVM>> DiscoverIdentitiesAsync(VMAddRequest request, CancellationToken cancellationToken)
    {
        List<IGrouping<string, VMIdentityRequest>> servers = request.Identities.Where(i => i.Server is not null)
            .GroupBy(i => VCenterCredentialRules.NormalizeVCenter(i.Server!), StringComparer.OrdinalIgnoreCase).ToList();
        if (servers.Count <= 1)
        {
            return await DiscoverInAsync(request.Access, request.Identities, cancellationToken).ConfigureAwait(false);
        }

        string? given = request.Access.VCenter ?? request.Access.SessionServer ?? (request.Access.StoredCredential is { } named && _credentials is not null
            ? (await _credentials.FindAsync(named, cancellationToken).ConfigureAwait(false))?.VCenter
            : null);
        IReadOnlyList<VCenterCredential> stored = await StoredCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var targets = servers.Select(g => (Server: g.Key, Requests: g.ToList())).ToList();
        targets[0].Requests.AddRange(request.Identities.Where(i => i.Server is null)); // names go with the first vCenter's way in
        var found = new System.Collections.Concurrent.ConcurrentQueue<DiscoveredVM>();
        await Refresh.VCenterFanOut.RunAsync(targets, Refresh.VCenterFanOut.DefaultThrottleLimit, $"Discovering VMs in {Plural.Of(targets.Count, "vCenter")}", _observer,
            async (target, _, token) =>
            {
                VCenterAccess? access = given is not null && VMIdentityMatcher.SameVCenter(given, target.Server) ? request.Access : StoredAccess(request.Access, stored, target.Server);
                try
                {
                    IReadOnlyList<DiscoveredVM> vms = access is null
                        ? throw Messages.Refresh.NoCredential(target.Server, "no way in was given for it", target.Requests.Count)
                        : await DiscoverInAsync(access, target.Requests, token).ConfigureAwait(false);
                    foreach (DiscoveredVM vm in vms)
                    {
                        found.Enqueue(vm);
                    }
                }
                catch (SendenseException exception)
                {
                    foreach (VMIdentityRequest identity in target.Requests)
                    {
                        _observer.Outcome(Outcome.Fail<VM>(identity.Source, exception));
                    }
                }
            }, cancellationToken).ConfigureAwait(false);
        return found.ToList();
    }

    // The hub's unambiguous stored credential for a vCenter, with the command's certificate settings; null when none.
    private static VCenterAccess? StoredAccess(VCenterAccess settings, IReadOnlyList<VCenterCredential> stored, string vcenter) =>
        CredentialMatcher.ForVCenter(stored, vcenter, out _) is { } credential
            ? new VCenterAccess
            {
                StoredCredential = new VCenterCredentialIdentity(credential.Id),
                Keys = settings.Keys,
                Thumbprint = settings.Thumbprint,
                SkipCertificateCheck = settings.SkipCertificateCheck,
                AllowInsecureHttp = settings.AllowInsecureHttp,
                Timeout = settings.Timeout,
            }
            : null;

    // One sweep for every identity of one vCenter; the matching rules live in VMIdentityMatcher.
    private async Task<IReadOnlyList<DiscoveredVM>> DiscoverInAsync(VCenterAccess access, IReadOnlyList<VMIdentityRequest> identities, CancellationToken cancellationToken)
    {
        string? uidServer = identities.Select(i => i.Server).FirstOrDefault(s => s is not null);
        (VCenterConnectionOptions options, ResolvedVCenterCredential? stored) =
            await access.OpenAsync(_credentials, uidServer, _observer, cancellationToken).ConfigureAwait(false);
        using (stored)
        {
            string host = options.HostName;
            var (wanted, elsewhere) = VMIdentityMatcher.SplitByVCenter(identities, host);
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
