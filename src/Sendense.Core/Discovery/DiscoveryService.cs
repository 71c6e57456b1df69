using Sendense.Core.Credentials;

namespace Sendense.Core.Discovery;

/// <summary>
/// The use case of Invoke-SendenseVMDiscovery: log in to each vCenter (a borrowed PowerCLI session, a user and
/// password, or a credential stored in the hub), sweep it (VMDiscoveryService), and stream every VM as its page is
/// parsed, marked IsManaged/ContextId when a hub is connected; names and datacenters asked for without wildcards that
/// matched nothing are per-item errors. A stored credential that served counts one use.
/// </summary>
public sealed class DiscoveryService
{
    private readonly IDiscoveryStore? _hub;
    private readonly ICredentialStore? _credentials;

    /// <summary>A service; <paramref name="hub"/> marks managed VMs, <paramref name="credentials"/> resolves stored credentials (both optional).</summary>
    public DiscoveryService(IDiscoveryStore? hub, ICredentialStore? credentials)
    {
        _hub = hub;
        _credentials = credentials;
    }

    /// <summary>Discovers; VMs and per-name errors are outcomes, progress and messages go to the observer.</summary>
    public async Task DiscoverAsync(DiscoveryRequest request, IOutcomeObserver<DiscoveredVM> observer, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.ClosedHub is not null)
        {
            observer.Warning(Messages.Discovery.ClosedHub(request.ClosedHub));
        }

        foreach (VCenterAccess target in request.Targets)
        {
            await new DiscoveryRun(target, request, _hub, _credentials, observer).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
