using Sendense.Core.Credentials;
using Sendense.Core.Discovery;
using Sendense.Core.VMs;
using Sendense.Core.VSphere;

namespace Sendense.Core.Refresh;

/// <summary>
/// Refreshes the managed VMs of one login on one vCenter: reads only those VMs (by BIOS uuid, a light read of the
/// inventory and full properties of the matches), writes the changes with Add-SendenseVM's batch run in refresh mode
/// (VMAddRun: batches in transactions, races re-planned, vanished job-less disks deleted), and reports the VMs vCenter
/// no longer has as Missing (or removes them with -RemoveMissing). A vCenter that cannot be reached or refuses the
/// login gives one error record naming it, and its VMs are left as they are: never Missing.
/// </summary>
internal sealed class VCenterRefresh
{
    private readonly IVMStore _store;
    private readonly ICredentialStore? _credentials;
    private readonly RefreshRequest _request;
    private readonly IOutcomeObserver<VM> _observer;

    internal VCenterRefresh(IVMStore store, ICredentialStore? credentials, RefreshRequest request, IOutcomeObserver<VM> observer)
    {
        _store = store;
        _credentials = credentials;
        _request = request;
        _observer = observer;
    }

    internal async Task RunAsync(RefreshTarget target, int index, CancellationToken cancellationToken)
    {
        if (target.Refusal is not null)
        {
            _observer.Outcome(Outcome.Fail<VM>(target.VCenter, target.Refusal));
            return;
        }

        (IReadOnlyList<DiscoveredVM> found, int? credentialId)? read = await ReadAsync(target, index, cancellationToken).ConfigureAwait(false);
        if (read is not { } vcenter)
        {
            return;
        }

        var present = new HashSet<string>(vcenter.found.Select(v => v.BiosUuid), StringComparer.OrdinalIgnoreCase);
        List<VM> missing = target.VMs.Where(v => !present.Contains(v.BiosUuid)).ToList();
        if (vcenter.found.Count > 0)
        {
            using IVMAddSession session = await _store.OpenAddSessionAsync(vcenter.credentialId, cancellationToken).ConfigureAwait(false);
            await new VMAddRun(session, _store.Hub, vcenter.credentialId, _request.WhatIf, _observer, refresh: true, childIndex: index)
                .RunAsync(vcenter.found, _request.BatchSize, cancellationToken).ConfigureAwait(false);
        }

        await ReportMissingAsync(target.VCenter, missing, cancellationToken).ConfigureAwait(false);
        if (vcenter.credentialId is int id && !_request.WhatIf)
        {
            await VMAddCredentials.RecordUseAsync(_credentials, id, _observer, cancellationToken).ConfigureAwait(false);
        }
    }

    // The managed VMs as vCenter has them now, or null after one error record for the vCenter.
    private async Task<(IReadOnlyList<DiscoveredVM>, int?)?> ReadAsync(RefreshTarget target, int index, CancellationToken cancellationToken)
    {
        var collector = new RefreshDiscoveryObserver(_observer, target.VCenter, index);
        int? credentialId = target.CredentialId;
        try
        {
            (VCenterConnectionOptions options, ResolvedVCenterCredential? stored) =
                await target.Access!.OpenAsync(_credentials, target.VCenter, _observer, cancellationToken).ConfigureAwait(false);
            using (stored)
            {
                credentialId ??= stored?.Id;
                if (options.SkipCertificateCheck)
                {
                    _observer.Warning(Messages.Discovery.CertificateNotChecked(target.VCenter));
                }

                var discovery = new VMDiscoveryRequest
                {
                    Identities = target.VMs.Select(v => VMIdentity.FromBiosUuid(v.BiosUuid)).Distinct().ToList(),
                    IncludeTemplates = true,
                };
                _observer.Verbose(Messages.Refresh.Reading(target.VMs.Count, target.VCenter));
                await VMDiscoveryService.DiscoverAsync(options, discovery, collector, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SendenseException exception)
        {
            _observer.Outcome(Outcome.Fail<VM>(target.VCenter, Messages.Refresh.VCenterFailed(target.VCenter, target.VMs.Count, exception)));
            return null;
        }
        finally
        {
            collector.Complete();
        }

        IReadOnlyList<DiscoveredVM> found = collector.VMs;
        foreach (DiscoveredVM vm in found)
        {
            // The rows keep the hub's spelling of the vCenter, and the credential that served.
            vm.HubVCenter = target.VCenter;
            vm.CredentialId = credentialId;
        }

        return (found, credentialId);
    }

    private async Task ReportMissingAsync(string vcenter, List<VM> missing, CancellationToken cancellationToken)
    {
        if (missing.Count == 0)
        {
            return;
        }

        var removed = new HashSet<string>(StringComparer.Ordinal);
        if (_request.RemoveMissing)
        {
            var request = new VMRemoveRequest { Items = missing.Select(v => VMRemoveItem.ForContextId(v.ContextId, v)).ToList() };
            await new VMRemoval(_store, _observer, vm =>
            {
                removed.Add(vm.ContextId);
                VM gone = vm.Copy();
                gone.Result = VMAddResult.Removed;
                _observer.Outcome(Outcome.Of<VM>(vm, gone));
            }, highImpact: true).RemoveAsync(request, cancellationToken).ConfigureAwait(false);
        }

        foreach (VM vm in missing.Where(v => !removed.Contains(v.ContextId)))
        {
            _observer.Verbose(Messages.Refresh.Missing(vm, vcenter));
            VM report = vm.Copy();
            report.Result = VMAddResult.Missing;
            _observer.Outcome(Outcome.Of<VM>(vm, report));
        }
    }
}
