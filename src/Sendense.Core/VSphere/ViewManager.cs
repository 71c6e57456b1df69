using Sendense.Core.VSphere.Methods;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere;

/// <summary>Container views: one per sweep, destroyed afterwards even when the sweep failed or was cancelled.</summary>
internal sealed class ViewManager
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(10);
    private readonly SoapTransport _transport;
    private readonly ManagedObjectReference _self;

    internal ViewManager(SoapTransport transport, ManagedObjectReference self)
    {
        _transport = transport;
        _self = self;
    }

    internal Task<ManagedObjectReference> CreateContainerViewAsync(ManagedObjectReference container, IReadOnlyList<string> types, bool recursive,
        CancellationToken cancellationToken) =>
        ViewManagerMethods.CreateContainerViewAsync(_transport, _self, container, types, recursive, cancellationToken);

    /// <summary>Destroys a view with its own short timeout (the caller's token may be cancelled already); never throws.</summary>
    internal async Task DestroyQuietlyAsync(ManagedObjectReference view)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CleanupTimeout);
            await ViewManagerMethods.DestroyViewAsync(_transport, view, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A leaked view lives until the session ends; the sweep's own outcome is what matters.
        }
    }
}
