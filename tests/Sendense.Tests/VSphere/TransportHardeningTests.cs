using System.Diagnostics;
using Sendense.Core.Discovery;
using Sendense.Core.VSphere;
using Sendense.Tests.Discovery;

namespace Sendense.Tests.VSphere;

/// <summary>Issue 12's vCenter retries and issue 13's D1 (plain http) and D6 (a frozen vCenter), against the fake vCenter.</summary>
public sealed class TransportHardeningTests
{
    [Fact]
    public async Task A_vCenter_answering_503_to_its_first_two_requests_is_retried_and_the_retries_are_said()
    {
        int refused = 0;
        await using FakeVCenter fake = FakeVCenter.Start(call =>
            Interlocked.Increment(ref refused) <= 2 ? FakeReply.Text(string.Empty, 503, "text/plain") : null);
        var observer = new CollectingObserver();

        VMDiscoveryResult result = await RecordedDiscoveryTests.Discover(fake, new VMDiscoveryRequest(), observer);

        Assert.True(result.Discovered > 0);
        Assert.Equal(3, fake.Count("RetrieveServiceContent"));
        Assert.Contains(observer.Verbose, v => v.Contains("HTTP 503", StringComparison.Ordinal) && v.Contains("attempt 2 of 4", StringComparison.Ordinal));
        Assert.Contains(observer.Verbose, v => v.Contains("HTTP 503", StringComparison.Ordinal) && v.Contains("attempt 3 of 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_503_to_a_login_is_retried_but_a_wrong_password_is_not()
    {
        bool first = true;
        await using FakeVCenter fake = FakeVCenter.Start(call =>
        {
            if (call.Method != "Login")
            {
                return null;
            }

            if (first)
            {
                first = false;
                return FakeReply.Text(string.Empty, 503, "text/plain");
            }

            return FakeReply.Fixture("login-invalid.xml", 500);
        });

        var error = await Assert.ThrowsAsync<SendenseException>(() => RecordedDiscoveryTests.Discover(fake, new VMDiscoveryRequest(), new CollectingObserver()));

        Assert.Equal(SendenseErrorCode.VCenterLoginFailed, error.Code);
        Assert.Equal(2, fake.Count("Login"));
    }

    [Theory]
    [InlineData("http://vc01.example.com/sdk")]
    [InlineData("http://10.0.0.5:8989/sdk")]
    [InlineData("http://127.0.0.1:8989/sdk")]
    [InlineData("http://localhost:8989/sdk")]
    [InlineData("http://[::1]:8989/sdk")]
    public void D1_a_plain_http_address_is_refused_unless_allowed(string server)
    {
        var error = Assert.Throws<SendenseException>(() => VCenterAddress.ToSdkUri(server));

        Assert.Equal(SendenseErrorCode.VCenterInvalidArgument, error.Code);
        Assert.Contains("-AllowInsecureHttp", error.Message, StringComparison.Ordinal);
        Assert.Equal("http", VCenterAddress.ToSdkUri(server, allowHttp: true).Scheme);
        Assert.True(new VCenterConnectionOptions { Server = server }.IsPlainHttp);
    }

    [Fact]
    public async Task D1_allowing_plain_http_warns_as_loudly_as_skipping_the_certificate_check()
    {
        var observer = new Sendense.Tests.Rig.RecordingObserver<DiscoveredVM>();
        var access = new VCenterAccess { VCenter = "http://vc01.example.com/sdk", UserName = "u", Password = Secure("p"), AllowInsecureHttp = true };

        (VCenterConnectionOptions options, _) = await access.OpenAsync(null, null, observer, CancellationToken.None);

        Assert.True(options.AllowInsecureHttp);
        string warning = Assert.Single(observer.Warnings);
        Assert.Contains("in clear", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task D6_stopping_a_discovery_while_vCenter_is_frozen_ends_within_the_cleanup_budget()
    {
        await using FakeVCenter fake = FakeVCenter.Start(call => call.Method switch
        {
            "RetrievePropertiesEx" when call.Kind != RetrieveKind.CurrentSession => FakeReply.Xml(string.Empty).After(TimeSpan.FromSeconds(60)),
            "Logout" or "DestroyView" or "CancelRetrievePropertiesEx" => FakeReply.Fixture("logout.xml").After(TimeSpan.FromSeconds(60)),
            _ => null,
        });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RecordedDiscoveryTests.Discover(fake, new VMDiscoveryRequest(), new CollectingObserver(), stop.Token));

        // Before: a 10 s timeout for each of DestroyView and Logout (20 s). Now one 3 s budget for all cleanup calls.
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 5.5);
    }

    [Fact]
    public async Task D6_a_timeout_says_what_went_unanswered_and_names_the_parameter_that_raises_it()
    {
        await using FakeVCenter fake = FakeVCenter.Start(call =>
            call.Method == "CreateContainerView" ? FakeReply.Fixture("create-view.xml").After(TimeSpan.FromSeconds(30)) : null);
        VCenterConnectionOptions options = RecordedDiscoveryTests.Credential(fake.Server);
        options.Timeout = TimeSpan.FromSeconds(1);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SendenseException>(() => VMDiscoveryService.DiscoverAsync(options, new VMDiscoveryRequest(), new CollectingObserver(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterTimeout, error.Code);
        Assert.Contains("sent nothing for 1 s during CreateContainerView", error.Message, StringComparison.Ordinal);
        Assert.Contains("-Timeout", error.Message, StringComparison.Ordinal);
        // No answer, so no cleanup call waits for one: the command ends soon after the timeout.
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 4);
        Assert.Equal(0, fake.Count("Logout"));
    }
}
