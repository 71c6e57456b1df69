namespace Sendense.Tests.Rig;

/// <summary>One fresh upstream-schema database per test class (use as IClassFixture).</summary>
public sealed class HubDatabaseFixture : IAsyncLifetime
{
    private HubDatabase? _database;

    /// <summary>The class's database.</summary>
    public HubDatabase Database => _database ?? throw new System.InvalidOperationException("The fixture is not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _database = await HubDatabase.CreateAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
