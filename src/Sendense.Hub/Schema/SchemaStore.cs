using Sendense.Core.Hub;

namespace Sendense.Hub.Schema;

/// <summary>Initialize-SendenseDatabase's store: the inspection and DDL of HubSchemaEngine for one hub connection.</summary>
public sealed class SchemaStore : HubStore, ISchemaStore
{
    /// <summary>A store for one hub connection.</summary>
    public SchemaStore(HubConnection hub)
        : base(hub)
    {
    }

    /// <inheritdoc />
    public string Database => $"{Connection.Database} on {Connection.Server}:{Connection.Port}";

    /// <inheritdoc />
    public Task<HubSchemaReport> InspectAsync(CancellationToken cancellationToken) => HubSchemaEngine.InspectAsync(Connection, cancellationToken);

    /// <inheritdoc />
    public Task<HubSchemaReport> CreateTablesAsync(IReadOnlyCollection<string> tables, CancellationToken cancellationToken) =>
        HubSchemaEngine.CreateTablesAsync(Connection, tables, cancellationToken);
}
