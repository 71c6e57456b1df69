namespace Sendense.Core.Hub;

/// <summary>Opens hub connections (implemented over MySqlConnector in Sendense.Hub).</summary>
public interface IHubConnector
{
    /// <summary>Opens and proves one connection (server, credentials, database) and returns the public object.</summary>
    public Task<HubConnection> ConnectAsync(HubConnectionOptions options, CancellationToken cancellationToken);
}

/// <summary>What Initialize-SendenseDatabase needs from the hub: its schema, and creating the tables the module uses.</summary>
public interface ISchemaStore
{
    /// <summary>The hub, for messages.</summary>
    public string Hub { get; }

    /// <summary>"database on server:port": what a table is created in, as -WhatIf shows it.</summary>
    public string Database { get; }

    /// <summary>Which tables exist, what existing ones lack, which rights the user is missing. Changes nothing.</summary>
    public Task<HubSchemaReport> InspectAsync(CancellationToken cancellationToken);

    /// <summary>Creates the named tables where absent (upstream's exact DDL) and returns the state afterwards.</summary>
    public Task<HubSchemaReport> CreateTablesAsync(IReadOnlyCollection<string> tables, CancellationToken cancellationToken);
}
