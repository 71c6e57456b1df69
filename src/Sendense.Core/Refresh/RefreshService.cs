using Sendense.Core.Credentials;
using Sendense.Core.VMs;

namespace Sendense.Core.Refresh;

/// <summary>
/// Update-SendenseVM: keeps the hub's managed VMs true to their vCenters. The VMs are chosen as Get-SendenseVM
/// chooses them (context ids from the pipeline, -Name/-VCenter, or all), grouped by the login that serves them
/// (RefreshTargets) and refreshed per vCenter (VCenterRefresh), several vCenters at once (VCenterFanOut). The writes
/// are Add-SendenseVM's (the VM store's add session and VMAddRun in refresh mode), so both commands racing on the same
/// rows stay correct: one write path, one set of races to reason about.
/// </summary>
public sealed class RefreshService
{
    private readonly IVMStore _store;
    private readonly ICredentialStore? _credentials;

    /// <summary>A service over the hub's VM tables and its stored credentials.</summary>
    public RefreshService(IVMStore store, ICredentialStore? credentials)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _credentials = credentials;
    }

    /// <summary>Refreshes the VMs of the request; one outcome per VM (Refreshed, Unchanged, Missing, Removed) or error.</summary>
    public async Task RefreshAsync(RefreshRequest request, IOutcomeObserver<VM> observer, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        IReadOnlyList<VM> vms = await new VMService(_store, _credentials).FindAsync(request.Query, observer, cancellationToken).ConfigureAwait(false);
        foreach ((string value, SendenseException error) in request.Query.ReportMisses ? VMLookupMisses.NotFound(request.Query, vms, _store.Hub) : Array.Empty<(string, SendenseException)>())
        {
            observer.Outcome(Outcome.Fail<VM>(value, error));
        }

        if (vms.Count == 0)
        {
            return;
        }

        string? explicitVCenter = await ExplicitVCenterAsync(request.Access, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<VCenterCredential> stored = request.Access is null && _credentials is not null && vms.Any(v => v.CredentialId is null)
            ? await _credentials.ListAsync(cancellationToken).ConfigureAwait(false)
            : Array.Empty<VCenterCredential>();
        List<RefreshTarget> targets = RefreshTargets.Group(vms, request, explicitVCenter, stored);
        observer.Verbose(Messages.Refresh.Plan(vms.Count, targets.Select(t => t.VCenter).Distinct(StringComparer.OrdinalIgnoreCase).Count(), targets.Count));
        var refresh = new VCenterRefresh(_store, _credentials, request, observer);
        await VCenterFanOut.RunAsync(targets, request.ThrottleLimit, $"Refreshing {Plural.Of(vms.Count, "managed VM")} in hub {_store.Hub}", observer,
            refresh.RunAsync, cancellationToken).ConfigureAwait(false);
    }

    // The vCenter an explicit way in reaches: -VCenter, the PowerCLI session's server, or the stored credential's vCenter.
    private async Task<string?> ExplicitVCenterAsync(Discovery.VCenterAccess? access, CancellationToken cancellationToken)
    {
        if (access is null)
        {
            return null;
        }

        if ((access.VCenter ?? access.SessionServer) is { } server)
        {
            return server;
        }

        if (access.StoredCredential is { } identity && _credentials is not null)
        {
            VCenterCredential credential = await _credentials.FindAsync(identity, cancellationToken).ConfigureAwait(false)
                ?? throw Messages.VMs.CredentialNotFound(_credentials.Hub, identity.ToString());
            return credential.VCenter;
        }

        return null;
    }
}
