using Sendense.Core.VSphere.Methods;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere;

/// <summary>Container views: one per sweep, destroyed afterwards even when the sweep failed or was cancelled.</summary>
internal sealed class ViewManager
{
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

    // A view that is not destroyed lives until the session ends.
    /// <summary>Destroys a view within the connection's cleanup budget (the caller's token may be cancelled already); never throws.</summary>
    internal Task DestroyQuietlyAsync(ManagedObjectReference view) =>
        _transport.CleanupQuietlyAsync(token => ViewManagerMethods.DestroyViewAsync(_transport, view, token));
}
