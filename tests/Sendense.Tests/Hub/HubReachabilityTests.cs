using Sendense.Core.VMs;
using Sendense.Hub.Connection;
using Sendense.Hub.Groups;
using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub;

/// <summary>
/// A hub that goes away and comes back (through a relay in front of the rig's real MariaDB): IsConnected follows it,
/// and a failed read says nothing about what was or was not written (D16).
/// </summary>
public sealed class HubReachabilityTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _database;

    public HubReachabilityTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task IsConnected_is_false_while_the_server_cannot_be_reached_and_true_again_once_it_answers()
    {
        using var relay = new TcpRelay(_database.Builder.Server, (int)_database.Builder.Port);
        HubConnection hub = await ConnectAsync(relay);
        var vms = new VMStore(hub);
        Assert.True(hub.IsConnected);

        relay.Cut();
        var error = await Assert.ThrowsAsync<SendenseException>(() => vms.QueryAsync(new VMQuery(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.HubUnreachable, error.Code);
        Assert.False(hub.IsConnected);
        Assert.DoesNotContain("written", error.Message, StringComparison.OrdinalIgnoreCase); // a read writes nothing
        Assert.DoesNotContain("batch", error.Message, StringComparison.OrdinalIgnoreCase);

        relay.Restore();
        await vms.QueryAsync(new VMQuery(), CancellationToken.None);
        Assert.True(hub.IsConnected);
        hub.Session.Dispose();
        Assert.False(hub.IsConnected);
    }

    [Fact]
    public async Task A_read_through_the_shared_query_path_says_run_it_again_not_that_nothing_was_written()
    {
        using var relay = new TcpRelay(_database.Builder.Server, (int)_database.Builder.Port);
        HubConnection hub = await ConnectAsync(relay);
        relay.Cut();

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            new GroupStore(hub).ListGroupsAsync(Array.Empty<SqlPattern>(), Array.Empty<string>(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.HubUnreachable, error.Code);
        Assert.Contains("reading protection groups", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("written", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(hub.IsConnected);
        hub.Session.Dispose();
    }

    private async Task<HubConnection> ConnectAsync(TcpRelay relay)
    {
        Sendense.Core.Hub.HubConnectionOptions options = _database.Options();
        options.Server = "127.0.0.1";
        options.Port = relay.Port;
        return await HubEngine.ConnectAsync(options, CancellationToken.None);
    }
}
