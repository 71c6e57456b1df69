namespace Sendense.Core.Hub;

/// <summary>
/// The use cases of the hub connection itself: connect (Connect-SendenseHub), close (Disconnect-SendenseHub) and
/// create or verify the tables the module uses (Initialize-SendenseDatabase: never drops, alters or writes rows).
/// </summary>
public sealed class HubService
{
    private readonly IHubConnector? _connector;
    private readonly ISchemaStore? _schema;

    /// <summary>A service that connects.</summary>
    public HubService(IHubConnector connector) => _connector = connector ?? throw new ArgumentNullException(nameof(connector));

    /// <summary>A service over one connected hub's schema.</summary>
    public HubService(ISchemaStore schema) => _schema = schema ?? throw new ArgumentNullException(nameof(schema));

    /// <summary>Opens a connection; the password stays a SecureString all the way to the driver.</summary>
    public Task<HubConnection> ConnectAsync(HubConnectionOptions options, IOperationObserver observer, CancellationToken cancellationToken)
    {
        if (_connector is null)
        {
            throw new InvalidOperationException("This service was made for a connected hub's schema.");
        }

        return ConnectCoreAsync(options, observer, cancellationToken);
    }

    /// <summary>Closes a connection: its pool, and with it every idle connection of this session only.</summary>
    public static void Disconnect(HubConnection hub) => (hub ?? throw new ArgumentNullException(nameof(hub))).Session.Dispose();

    /// <summary>
    /// Creates the absent tables the user confirms, then reports the schema: one report as the outcome, and before it
    /// a HubSchemaMismatch error (per item) that lists what the hub lacks.
    /// </summary>
    public async Task InitializeAsync(IOutcomeObserver<HubSchemaReport> observer, CancellationToken cancellationToken)
    {
        ISchemaStore schema = _schema ?? throw new InvalidOperationException("This service was made to connect.");
        HubSchemaReport report = await schema.InspectAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<bool> answers = report.MissingTables.Length == 0 ? Array.Empty<bool>()
            : await observer.ConfirmAsync(report.MissingTables.Select(t => new ChangeRequest(schema.Database, $"Create table {t}")).ToList(), cancellationToken)
                .ConfigureAwait(false);
        List<string> approved = report.MissingTables.Where((_, i) => answers[i]).ToList();
        if (approved.Count > 0)
        {
            report = await schema.CreateTablesAsync(approved, cancellationToken).ConfigureAwait(false);
        }

        foreach (string table in report.CreatedTables)
        {
            observer.Verbose($"Created table {table}.");
        }

        if (report.Problems.Length > 0)
        {
            observer.Outcome(Outcome.Fail<HubSchemaReport>(null, Messages.Hub.SchemaProblems(schema.Hub, report.Problems)));
        }

        if (report.MissingPrivileges.Length > 0)
        {
            observer.Outcome(Outcome.Fail<HubSchemaReport>(null, Messages.Hub.PrivilegesMissing(schema.Hub, report.MissingPrivileges)));
        }

        observer.Outcome(Outcome.Of<HubSchemaReport>(null, report));
    }

    private async Task<HubConnection> ConnectCoreAsync(HubConnectionOptions options, IOperationObserver observer, CancellationToken cancellationToken)
    {
        HubConnection hub = await _connector!.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        observer.Verbose($"Connected to hub database {hub} (MariaDB {hub.ServerVersion}).");
        return hub;
    }
}
