using Sendense.Core.Hub;
using Sendense.Hub.Connection;

namespace Sendense.Tests.Hub;

/// <summary>Connecting to the hub database on the rig's real MariaDB server.</summary>
public sealed class HubEngineTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _database;

    public HubEngineTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task Connects_with_the_password_as_a_SecureString_and_reports_the_server()
    {
        HubConnection hub = await HubEngine.ConnectAsync(_database.Options(), CancellationToken.None);

        Assert.True(hub.IsConnected);
        Assert.Equal(_database.Name, hub.Database);
        Assert.Contains("MariaDB", hub.ServerVersion, System.StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_database.Builder.Password, HubEngine.SessionOf(hub).ConnectionString);
        hub.Session.Dispose();
        Assert.False(hub.IsConnected);
        var closed = Assert.Throws<SendenseException>(() => HubEngine.SessionOf(hub));
        Assert.Equal(SendenseErrorCode.HubConnectionClosed, closed.Code);
    }

    [Fact]
    public async Task A_wrong_password_is_a_login_error_that_names_the_server_and_never_the_password()
    {
        HubConnectionOptions options = _database.Options();
        options.Password = Secure("definitely-wrong-Pa55");

        var error = await Assert.ThrowsAsync<SendenseException>(() => HubEngine.ConnectAsync(options, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.HubLoginFailed, error.Code);
        Assert.Contains(_database.Builder.Server, error.Message);
        Assert.DoesNotContain("definitely-wrong-Pa55", error.ToString());
    }

    [Fact]
    public async Task An_unknown_database_says_how_to_fix_it()
    {
        HubConnectionOptions options = _database.Options();
        options.Database = "no_such_hub_db";

        var error = await Assert.ThrowsAsync<SendenseException>(() => HubEngine.ConnectAsync(options, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.HubDatabaseNotFound, error.Code);
        Assert.Contains("no_such_hub_db", error.Message);
    }

    [Fact]
    public async Task A_password_inside_a_connection_string_is_moved_out_of_the_kept_string()
    {
        var options = new HubConnectionOptions { ConnectionString = _database.ConnectionString };

        HubConnection hub = await HubEngine.ConnectAsync(options, CancellationToken.None);
        try
        {
            Assert.DoesNotContain(_database.Builder.Password, HubEngine.SessionOf(hub).ConnectionString);
            Assert.DoesNotContain(_database.Builder.Password, hub.ToString());
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    [Fact]
    public async Task Nothing_listening_is_an_unreachable_error_marked_transient()
    {
        var options = new HubConnectionOptions { Server = "127.0.0.1", Port = 1, UserName = "x", Password = Secure("y"), ConnectTimeoutSeconds = 3 };

        var error = await Assert.ThrowsAsync<SendenseException>(() => HubEngine.ConnectAsync(options, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.HubUnreachable, error.Code);
        Assert.True(error.IsTransient);
        Assert.Contains("127.0.0.1:1", error.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_even_while_another_session_to_the_same_hub_is_open()
    {
        // Sessions must not share authenticated pooled connections: the connection string carries no password.
        HubConnection good = await HubEngine.ConnectAsync(_database.Options(), CancellationToken.None);
        try
        {
            HubConnectionOptions wrong = _database.Options();
            wrong.Password = Secure("not-the-password");
            var error = await Assert.ThrowsAsync<SendenseException>(() => HubEngine.ConnectAsync(wrong, CancellationToken.None));
            Assert.Equal(SendenseErrorCode.HubLoginFailed, error.Code);
        }
        finally
        {
            good.Session.Dispose();
        }
    }

    [Fact]
    public async Task Closing_a_session_closes_its_own_server_connections_and_no_one_elses()
    {
        HubConnection first = await HubEngine.ConnectAsync(_database.Options(), CancellationToken.None);
        HubConnection second = await HubEngine.ConnectAsync(_database.Options(), CancellationToken.None);
        long firstThread = await ThreadOf(first);
        long secondThread = await ThreadOf(second);
        Assert.NotEqual(firstThread, secondThread);

        first.Session.Dispose();
        for (int i = 0; i < 50 && await Alive(firstThread); i++)
        {
            await Task.Delay(100);
        }

        Assert.False(await Alive(firstThread));
        Assert.True(await Alive(secondThread));
        Assert.Equal(secondThread, await ThreadOf(second));
        second.Session.Dispose();
    }

    private static async Task<long> ThreadOf(HubConnection hub)
    {
        using var connection = await HubEngine.SessionOf(hub).OpenConnectionAsync(CancellationToken.None);
        using var command = new MySqlConnector.MySqlCommand("SELECT CONNECTION_ID()", connection);
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<bool> Alive(long thread) =>
        System.Convert.ToInt64(await _database.ScalarAsync($"SELECT COUNT(*) FROM information_schema.processlist WHERE id = {thread}"), CultureInfo.InvariantCulture) > 0;

    [Theory]
    [InlineData("Server=hub01;Bogus Option=1;Password=Sekr3t!", "the option 'Bogus Option' is not one")]
    [InlineData("Server=hub01;Port=abc;Password=Sekr3t!", "the option 'Port' has a value it cannot use")]
    public void A_bad_connection_string_names_the_option_and_never_a_value(string connectionString, string expected)
    {
        var error = Assert.Throws<SendenseException>(() => HubEngine.BuildConnectionString(new Sendense.Core.Hub.HubConnectionOptions { ConnectionString = connectionString }));

        Assert.Equal(SendenseErrorCode.HubInvalidOption, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sekr3t", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.Message, StringComparison.Ordinal);
    }
}
