using System.Runtime.CompilerServices;
using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// The composition root: the one place that wires the use cases of Sendense.Core to the stores of Sendense.Hub.
/// Cmdlets ask here for a family's service and never name a Sendense.Hub type. Each store method is its own
/// non-inlined method, so Sendense.Hub (and with it MySqlConnector) loads only when a hub is really used: discovery
/// without a hub never touches it.
/// </summary>
internal static class Services
{
    /// <summary>The credential store of a hub connection.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static ICredentialStore CredentialStore(HubConnection hub) => new Sendense.Hub.Credentials.CredentialStore(Open(hub));

    /// <summary>The credential use cases over a hub connection.</summary>
    internal static CredentialService Credentials(HubConnection hub) => new CredentialService(CredentialStore(hub));

    // A closed connection fails here, with the message that says how to reconnect.
    private static HubConnection Open(HubConnection hub)
    {
        hub.EnsureOpen();
        return hub;
    }
}
