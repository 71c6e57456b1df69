using Sendense.Core.Hub;

namespace Sendense.Hub.Connection;

/// <summary>Connect-SendenseHub's connector: HubEngine over MySqlConnector.</summary>
public sealed class HubConnector : IHubConnector
{
    /// <inheritdoc />
    public Task<HubConnection> ConnectAsync(HubConnectionOptions options, CancellationToken cancellationToken) =>
        HubEngine.ConnectAsync(options, cancellationToken);
}
