using System.Runtime.CompilerServices;
using Sendense.Core.Credentials;
using Sendense.Core.Discovery;
using Sendense.Core.Flows;
using Sendense.Core.Groups;
using Sendense.Core.Hub;
using Sendense.Core.VMs;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// The composition root: the one place that wires the use cases of Sendense.Core to the stores of Sendense.Hub.
/// Cmdlets ask here for a family's service and never name a Sendense.Hub type. Each store method is its own
/// non-inlined method, so Sendense.Hub (and with it MySqlConnector) loads only when a hub is really used: discovery
/// without a hub never touches it.
/// </summary>
// The store methods return interfaces on purpose: a Sendense.Hub type in a signature would load Sendense.Hub as soon as a
// caller is compiled, hub or no hub.
#pragma warning disable CA1859
internal static class Services
{
    /// <summary>Connecting to a hub.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static HubService Connector() => new HubService(new Sendense.Hub.Connection.HubConnector());

    /// <summary>The schema of a connected hub.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static HubService Schema(HubConnection hub) => new HubService(new Sendense.Hub.Schema.SchemaStore(Open(hub)));

    /// <summary>The VM use cases of a hub (they record and resolve stored credentials too).</summary>
    internal static VMService VMs(HubConnection hub) => new VMService(VMStore(hub), CredentialStore(hub));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IVMStore VMStore(HubConnection hub) => new Sendense.Hub.VMs.VMStore(Open(hub));

    /// <summary>
    /// Discovery: <paramref name="markingHub"/> (optional) marks managed VMs, <paramref name="credentialHub"/> (optional)
    /// resolves stored credentials. Without either, Sendense.Hub is never loaded.
    /// </summary>
    internal static DiscoveryService Discovery(HubConnection? markingHub, HubConnection? credentialHub) =>
        new DiscoveryService(markingHub is null ? null : DiscoveryStore(markingHub), credentialHub is null ? null : CredentialStore(credentialHub));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IDiscoveryStore DiscoveryStore(HubConnection hub) => new Sendense.Hub.Discovery.DiscoveryStore(Open(hub));

    /// <summary>Update-SendenseVM: the VM store's add session and the stored credentials (refresh family).</summary>
    internal static Sendense.Core.Refresh.RefreshService Refresh(HubConnection hub) => new Sendense.Core.Refresh.RefreshService(VMStore(hub), CredentialStore(hub));

    /// <summary>The credential store of a hub connection.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static ICredentialStore CredentialStore(HubConnection hub) => new Sendense.Hub.Credentials.CredentialStore(Open(hub));

    /// <summary>The protection group store of a hub connection.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static IGroupStore GroupStore(HubConnection hub) => new Sendense.Hub.Groups.GroupStore(Open(hub));

    /// <summary>The credential use cases over a hub connection.</summary>
    internal static CredentialService Credentials(HubConnection hub) => new CredentialService(CredentialStore(hub));

    /// <summary>The protection flow use cases of a hub (issue 11).</summary>
    internal static FlowService Flows(HubConnection hub) => new FlowService(FlowStore(hub));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IFlowStore FlowStore(HubConnection hub) => new Sendense.Hub.Flows.FlowStore(Open(hub));

    // A closed connection fails here, with the message that says how to reconnect.
    private static HubConnection Open(HubConnection hub)
    {
        hub.EnsureOpen();
        return hub;
    }
}
#pragma warning restore CA1859
