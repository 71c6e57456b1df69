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

        IReadOnlyList<VCenterAccess> targets = await DiscoveryTargets.ExpandAsync(request.Targets, _credentials, observer, cancellationToken).ConfigureAwait(false);
        if (targets.Count == 1 && !DiscoveryTargets.HasPatterns(request.Targets))
        {
            // One vCenter: its failure is the command's (terminating where the error table says so), as before.
            await new DiscoveryRun(targets[0], request, _hub, _credentials, observer).RunAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Several vCenters at once: each failure is one error record naming its vCenter; the others' VMs all come out.
        await Refresh.VCenterFanOut.RunAsync(targets, request.ThrottleLimit, $"Discovering VMs on {Plural.Of(targets.Count, "vCenter")}", observer,
            async (target, index, token) =>
            {
                try
                {
                    await new DiscoveryRun(target, request, _hub, _credentials, observer, Math.Max(0, index)).RunAsync(token).ConfigureAwait(false);
                }
                catch (SendenseException exception)
                {
                    observer.Outcome(Outcome.Fail<DiscoveredVM>(DiscoveryTargets.Describe(target), exception));
                }
            }, cancellationToken).ConfigureAwait(false);
    }
}
