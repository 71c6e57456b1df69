using Sendense.Core.Credentials;
using Sendense.Core.VSphere;

namespace Sendense.Core.Discovery;

/// <summary>One vCenter of a discovery: log in, start the hub's managed-VM lookup beside the sweep, stream, report.</summary>
internal sealed class DiscoveryRun
{
    private readonly VCenterAccess _target;
    private readonly DiscoveryRequest _request;
    private readonly IDiscoveryStore? _hub;
    private readonly ICredentialStore? _credentials;
    private readonly IOutcomeObserver<DiscoveredVM> _observer;

    private readonly int? _childIndex;

    /// <summary>A run; <paramref name="childIndex"/> makes its progress bar a child of the fan-out's parent bar.</summary>
    internal DiscoveryRun(VCenterAccess target, DiscoveryRequest request, IDiscoveryStore? hub, ICredentialStore? credentials, IOutcomeObserver<DiscoveredVM> observer,
        int? childIndex = null)
    {
        _childIndex = childIndex;
        _target = target;
        _request = request;
        _hub = hub;
        _credentials = credentials;
        _observer = observer;
    }

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        (VCenterConnectionOptions options, ResolvedVCenterCredential? stored) =
            await _target.OpenAsync(_credentials, null, _observer, cancellationToken).ConfigureAwait(false);
        using (stored)
        {
            string vcenter = options.HostName;
            if (options.SkipCertificateCheck)
            {
                _observer.Warning(Messages.Discovery.CertificateNotChecked(vcenter));
            }

            VMDiscoveryRequest filters = Scope(stored);
            // The hub's query starts at once and runs while vCenter is read; its answer is awaited on the first VM only.
            Task<IReadOnlyDictionary<string, string>>? managed = _hub is null ? null
                : Task.Run(() => _hub.ManagedVMsAsync(vcenter, cancellationToken), cancellationToken);
            var forward = new DiscoveryForwarder(_observer, vcenter, managed, stored?.Id, _childIndex);
            try
            {
                VMDiscoveryResult result;
                try
                {
                    result = await VMDiscoveryService.DiscoverAsync(options, filters, forward, cancellationToken).ConfigureAwait(false);
                }
                catch (SendenseException exception) when (exception.Target is null)
                {
                    throw Messages.Discovery.About(exception, vcenter);
                }

                ReportUnmatched(result, vcenter);
                _observer.Verbose(Messages.Discovery.Done(result, vcenter));
            }
            finally
            {
                forward.Complete();
                if (managed is not null)
                {
                    _ = managed.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                }
            }

            if (stored is not null)
            {
                await RecordUseAsync(stored.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Upstream discovers only the credential's datacenter; so do we, unless -Datacenter says otherwise.
    private VMDiscoveryRequest Scope(ResolvedVCenterCredential? stored)
    {
        VMDiscoveryRequest filters = _request.Filters;
        if (stored is null || _request.DatacentersGiven || string.IsNullOrWhiteSpace(stored.Datacenter))
        {
            return filters;
        }

        _observer.Verbose(Messages.Discovery.ScopedToDatacenter(stored.Datacenter, stored.Name));
        return new VMDiscoveryRequest
        {
            Names = filters.Names,
            Datacenters = new[] { stored.Datacenter },
            Folder = filters.Folder,
            PowerStates = filters.PowerStates,
            IncludeTemplates = filters.IncludeTemplates,
            Identities = filters.Identities,
            PageSize = filters.PageSize,
            Parallelism = filters.Parallelism,
        };
    }

    private void ReportUnmatched(VMDiscoveryResult result, string vcenter)
    {
        VMDiscoveryRequest f = _request.Filters;
        bool filtered = f.Datacenters.Count > 0 || f.Folder is not null || f.PowerStates.Count > 0;
        foreach (string name in result.UnmatchedNames)
        {
            _observer.Outcome(Outcome.Fail<DiscoveredVM>(name, Messages.Discovery.NoSuchVM(name, vcenter, filtered, f.IncludeTemplates)));
        }

        foreach (string datacenter in result.UnmatchedDatacenters)
        {
            _observer.Outcome(Outcome.Fail<DiscoveredVM>(datacenter, Messages.Discovery.NoSuchDatacenter(datacenter, vcenter)));
        }
    }

    private async Task RecordUseAsync(int credentialId, CancellationToken cancellationToken)
    {
        try
        {
            await _credentials!.RecordUseAsync(credentialId, cancellationToken).ConfigureAwait(false);
        }
        catch (SendenseException exception)
        {
            // The discovery is done; failing to count it must not turn a success into an error.
            _observer.Warning(Messages.VMs.UseNotCounted(credentialId, exception.Message));
        }
    }
}
