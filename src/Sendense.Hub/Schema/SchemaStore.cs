using Sendense.Core.Hub;

namespace Sendense.Hub.Schema;

/// <summary>Initialize-SendenseDatabase's store: the inspection and DDL of HubSchemaEngine for one hub connection.</summary>
public sealed class SchemaStore : ISchemaStore
{
    private readonly HubConnection _hub;

    /// <summary>A store for one hub connection.</summary>
    public SchemaStore(HubConnection hub) => _hub = hub ?? throw new ArgumentNullException(nameof(hub));

    /// <inheritdoc />
    public string Hub => _hub.ToString();

    /// <inheritdoc />
    public string Database => $"{_hub.Database} on {_hub.Server}:{_hub.Port}";

    /// <inheritdoc />
    public Task<HubSchemaReport> InspectAsync(CancellationToken cancellationToken) => HubSchemaEngine.InspectAsync(_hub, cancellationToken);

    /// <inheritdoc />
    public Task<HubSchemaReport> CreateTablesAsync(IReadOnlyCollection<string> tables, CancellationToken cancellationToken) =>
        HubSchemaEngine.CreateTablesAsync(_hub, tables, cancellationToken);
}
