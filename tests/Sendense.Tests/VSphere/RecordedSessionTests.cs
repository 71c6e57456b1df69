using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sendense.Core.Discovery;
using Sendense.Core.VSphere;
using Sendense.Tests.Discovery;

namespace Sendense.Tests.VSphere;

/// <summary>Sessions, logins and transport failures against recorded responses and plain sockets.</summary>
public sealed class RecordedSessionTests
{
    [Fact]
    public async Task A_wrong_password_fails_once_naming_the_vCenter_and_the_user_without_retrying()
    {
        await using FakeVCenter fake = FakeVCenter.Start(call => call.Method == "Login" ? FakeReply.Fixture("login-invalid.xml", 500) : null);

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            RecordedDiscoveryTests.Discover(fake, new VMDiscoveryRequest(), new CollectingObserver()));

        Assert.Equal(SendenseErrorCode.VCenterLoginFailed, error.Code);
        Assert.Contains(fake.Server, error.Message);
        Assert.Contains("svc-sendense@vsphere.local", error.Message);
        Assert.Contains("incorrect user name or password", error.Message);
        Assert.DoesNotContain("S3cret", error.ToString());
        Assert.Equal(1, fake.Count("Login"));
        Assert.Equal(0, fake.Count("Logout"));
        Assert.Equal(0, fake.Count("CreateContainerView"));
    }

    [Fact]
    public async Task The_password_is_sent_escaped_and_never_kept_in_the_options()
    {
        await using FakeVCenter fake = FakeVCenter.Start();

        await VCenterLogin.TestAsync(RecordedDiscoveryTests.Credential(fake.Server, "p<&>\"'w"), CancellationToken.None);

        SoapCall login = fake.Calls.Single(c => c.Method == "Login");
        Assert.Contains("<password>p&lt;&amp;&gt;\"'w</password>", login.Body);
        Assert.Contains("<userName>svc-sendense@vsphere.local</userName>", login.Body);
    }

    [Fact]
    public async Task A_login_check_logs_in_reads_what_answered_and_logs_out()
    {
        await using FakeVCenter fake = FakeVCenter.Start();

        VCenterLoginResult result = await VCenterLogin.TestAsync(RecordedDiscoveryTests.Credential(fake.Server), CancellationToken.None);

        Assert.Equal(@"VSPHERE.LOCAL\svc-sendense", result.UserName);
        Assert.Equal("VMware vCenter Server 8.0.3 build-24022515", result.Product);
        Assert.Equal("8.0.3.0", result.ApiVersion);
        Assert.Equal("VirtualCenter", result.ApiType);
        Assert.Equal("5f2a9c0e-3c1d-4b8e-9a61-0c7e4d2b9f11", result.InstanceUuid);
        Assert.False(result.SessionBorrowed);
        Assert.Equal(new[] { "RetrieveServiceContent", "Login", "Logout" }, fake.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task A_borrowed_session_cookie_is_checked_used_and_never_logged_out()
    {
        await using FakeVCenter fake = FakeVCenter.Start();
        var options = FakeVCenter.Http(VCenterConnectionOptions.ForSession(fake.Server, "52c7d1a04b3e2f1d8e9c7b6a5d4c3b2a"));

        VCenterLoginResult check = await VCenterLogin.TestAsync(options, CancellationToken.None);
        var observer = new CollectingObserver();
        VMDiscoveryResult result = await VMDiscoveryService.DiscoverAsync(options, new VMDiscoveryRequest(), observer, CancellationToken.None);

        Assert.True(check.SessionBorrowed);
        Assert.Equal(@"VSPHERE.LOCAL\powercli-admin", check.UserName);
        Assert.Equal(6 - 1, result.Discovered);
        AssertNeitherLoggedInNorOut(fake);
        Assert.All(fake.Calls.Where(c => c.Method != "RetrieveServiceContent"),
            c => Assert.Equal("vmware_soap_session=\"52c7d1a04b3e2f1d8e9c7b6a5d4c3b2a\"", c.Cookie));
    }

    [Theory]
    [InlineData("\"52c7d1a04b3e2f1d8e9c7b6a5d4c3b2a\"")]
    [InlineData("vmware_soap_session=\"52c7d1a04b3e2f1d8e9c7b6a5d4c3b2a\"; Path=/; HttpOnly; Secure;")]
    public async Task A_borrowed_cookie_may_come_quoted_or_as_a_whole_cookie(string cookie)
    {
        await using FakeVCenter fake = FakeVCenter.Start();

        await VCenterLogin.TestAsync(FakeVCenter.Http(VCenterConnectionOptions.ForSession(fake.Server, cookie)), CancellationToken.None);

        Assert.Equal("vmware_soap_session=\"52c7d1a04b3e2f1d8e9c7b6a5d4c3b2a\"", fake.Calls[^1].Cookie);
    }

    [Theory]
    [InlineData("current-session-none.xml", 200)]
    [InlineData("fault-not-authenticated.xml", 500)]
    public async Task An_expired_borrowed_session_says_to_reconnect_PowerCLI_and_is_not_renewed(string fixture, int status)
    {
        await using FakeVCenter fake = FakeVCenter.Start(call => call.Kind == RetrieveKind.CurrentSession ? FakeReply.Fixture(fixture, status) : null);

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            VMDiscoveryService.DiscoverAsync(FakeVCenter.Http(VCenterConnectionOptions.ForSession(fake.Server, "expired")), new VMDiscoveryRequest(), new CollectingObserver(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterNotAuthenticated, error.Code);
        Assert.Contains("Connect-VIServer", error.Message);
        Assert.Contains(fake.Server, error.Message);
        AssertNeitherLoggedInNorOut(fake);
    }

    [Fact]
    public async Task A_borrowed_session_lost_mid_sweep_is_an_error_and_never_a_login()
    {
        await using FakeVCenter fake = FakeVCenter.Start(call => call.Kind == RetrieveKind.Full ? FakeReply.Fixture("fault-not-authenticated.xml", 500) : null);

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            VMDiscoveryService.DiscoverAsync(FakeVCenter.Http(VCenterConnectionOptions.ForSession(fake.Server, "abc")), new VMDiscoveryRequest(), new CollectingObserver(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterNotAuthenticated, error.Code);
        AssertNeitherLoggedInNorOut(fake);
    }

    [Fact]
    public async Task A_web_server_that_is_not_a_vCenter_is_a_protocol_error()
    {
        await using FakeVCenter fake = FakeVCenter.Start(_ => FakeReply.Text("<html><body>Not Found</body></html>", 404, "text/html"));

        var error = await Assert.ThrowsAsync<SendenseException>(() => VCenterLogin.TestAsync(RecordedDiscoveryTests.Credential(fake.Server), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterProtocolError, error.Code);
        Assert.Contains("404", error.Message);
        Assert.Contains(fake.Server, error.Message);
    }

    [Fact]
    public async Task A_proxy_answering_503_while_vCenter_restarts_is_retried()
    {
        int calls = 0;
        await using FakeVCenter fake = FakeVCenter.Start(call =>
            call.Method == "RetrieveServiceContent" && Interlocked.Increment(ref calls) == 1
                ? FakeReply.Text("<html>Service Unavailable</html>", 503, "text/html")
                : null);

        VCenterLoginResult result = await VCenterLogin.TestAsync(RecordedDiscoveryTests.Credential(fake.Server), CancellationToken.None);

        Assert.Equal("8.0.3.0", result.ApiVersion);
        Assert.Equal(2, fake.Count("RetrieveServiceContent"));
    }

    [Fact]
    public async Task A_vCenter_that_accepts_the_connection_but_never_answers_times_out_with_its_name()
    {
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            Task<Socket> accepted = silent.AcceptSocketAsync();
            int port = ((IPEndPoint)silent.LocalEndpoint).Port;
            VCenterConnectionOptions options = RecordedDiscoveryTests.Credential($"http://127.0.0.1:{port}/sdk");
            options.Timeout = TimeSpan.FromSeconds(1);
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<SendenseException>(() => VCenterLogin.TestAsync(options, CancellationToken.None));

            Assert.Equal(SendenseErrorCode.VCenterTimeout, error.Code);
            Assert.Contains($"127.0.0.1:{port}", error.Message);
            Assert.True(error.IsTransient);
            Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 10);
            (await accepted).Dispose();
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Nothing_listening_is_a_refused_connection_that_names_the_vCenter_and_port()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            VCenterLogin.TestAsync(RecordedDiscoveryTests.Credential($"127.0.0.1:{port}"), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterUnreachable, error.Code);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("refused", error.Message);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_a_DNS_error_that_names_it()
    {
        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            VCenterLogin.TestAsync(RecordedDiscoveryTests.Credential("vcenter.sendense-test.invalid"), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterHostNotFound, error.Code);
        Assert.Contains("vcenter.sendense-test.invalid", error.Message);
    }

    // A borrowed session is the PowerCLI user's: the module never logs in in its place, nor logs it out.
    private static void AssertNeitherLoggedInNorOut(FakeVCenter fake)
    {
        Assert.Equal(0, fake.Count("Login"));
        Assert.Equal(0, fake.Count("Logout"));
    }
}
