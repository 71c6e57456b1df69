using Sendense.Core.Groups;

namespace Sendense.Tests.Hub.Groups;

/// <summary>
/// Base of the group store tests: one fresh upstream-schema database per test class, one hub connection per test,
/// and the group use cases over the real store.
/// </summary>
public abstract class GroupHubTests : IClassFixture<HubDatabaseFixture>, IAsyncLifetime
{
    protected GroupHubTests(HubDatabaseFixture fixture) => Database = fixture.Database;

    protected HubDatabase Database { get; }

    protected HubConnection Hub { get; private set; } = null!;

    protected GroupService Service => GroupTestHub.Service(Hub);

    public async Task InitializeAsync() => Hub = await GroupTestHub.ConnectAsync(Database);

    public Task DisposeAsync()
    {
        Hub.Session.Dispose();
        return Task.CompletedTask;
    }
}
