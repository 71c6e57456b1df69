using System.Text.RegularExpressions;
using Sendense.Core.Discovery;
using Sendense.Core.VSphere;

namespace Sendense.Tests.Discovery;

/// <summary>
/// One govmomi simulator for the class: two datacenters (one inside a folder), two clusters with two hosts and a
/// resource pool and a vApp each, a standalone host, nested VM folders, a template per datacenter, a renamed VM with
/// XML-special characters, TLS with the simulator's certificate and a password it enforces.
/// </summary>
public sealed class SimulatorDiscoveryFixture : IAsyncLifetime
{
    public static readonly SimulatorTopology Topology = new SimulatorTopology
    {
        Datacenters = 2,
        Clusters = 2,
        ClusterHosts = 2,
        StandaloneHosts = 1,
        VMsPerPool = 2,
        Pools = 1,
        VApps = 1,
        DatacenterFolders = 1,
        VMFolders = new[] { "Prod & Test/Web", "Lab" },
        MoveEvery = 2,
        Templates = 1,
        Renames = new Dictionary<string, string> { ["DC0_H0_VM0"] = "App & DB <1>" },
        Tls = true,
    };

    // dc × (standalone hosts + clusters × (root pool + vApps)) × VMs per pool (child pools get no VMs in vcsim 0.24)
    public const int ExpectedVMs = 2 * (1 + 2 * (1 + 1)) * 2;

    public const int ExpectedTemplates = 2;

    public VCenterSimulator Simulator { get; private set; } = null!;

    public async Task InitializeAsync() => Simulator = await VCenterSimulator.StartAsync(Topology);

    public async Task DisposeAsync()
    {
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}

public sealed class SimulatorDiscoveryTests : IClassFixture<SimulatorDiscoveryFixture>
{
    private readonly VCenterSimulator _simulator;

    public SimulatorDiscoveryTests(SimulatorDiscoveryFixture fixture) => _simulator = fixture.Simulator;

    [Fact]
    public async Task Every_VM_of_every_datacenter_is_found_placed_and_templates_are_left_out()
    {
        var observer = new CollectingObserver();

        VMDiscoveryResult result = await VMDiscoveryService.DiscoverAsync(Pinned(), new VMDiscoveryRequest(), observer, CancellationToken.None);

        int expected = SimulatorDiscoveryFixture.ExpectedVMs - SimulatorDiscoveryFixture.ExpectedTemplates;
        Assert.Equal(expected, result.Discovered);
        Assert.Equal(SimulatorDiscoveryFixture.ExpectedTemplates, result.TemplatesSkipped);
        Assert.Equal(expected, observer.VMs.Select(v => v.MoRef).Distinct().Count());
        Assert.All(observer.VMs, vm =>
        {
            Assert.False(vm.IsTemplate);
            Assert.Equal(_simulator.Server, vm.VCenter);
            Assert.Matches("^DC[01]$", vm.Datacenter);
            Assert.StartsWith(vm.Datacenter == "DC0" ? "/DC0/vm/" : "/F0/DC1/vm/", vm.Path);
            Assert.EndsWith("/" + vm.InventoryName, vm.Path);
            Assert.Equal(vm.Folder.Length == 0 ? 0 : vm.Folder.Split('/').Length, vm.Path.Split('/').Length - (vm.Datacenter == "DC0" ? 4 : 5));
            Assert.Matches("^[0-9a-f-]{36}$", vm.BiosUuid);
            Assert.Matches("^[0-9a-f-]{36}$", vm.InstanceUuid);
            Assert.StartsWith("vm-", vm.MoRef);
            Assert.Equal("poweredOn", vm.PowerState);
            Assert.Equal("connected", vm.ConnectionState);
            Assert.NotEmpty(vm.Host);
            Assert.Equal(vm.Host.Contains("_C", StringComparison.Ordinal), vm.Cluster.Length > 0);
            if (vm.Cluster.Length > 0)
            {
                Assert.StartsWith(vm.Cluster + "_H", vm.Host);
            }

            DiscoveredDisk disk = Assert.Single(vm.Disks);
            Assert.Equal(1024 * 1024, disk.CapacityBytes);
            Assert.Equal(1, disk.SizeGB);
            Assert.Equal("thin", disk.ProvisioningType);
            Assert.StartsWith("[" + disk.Datastore + "] ", disk.FileName);
            Assert.Equal("disk-" + disk.Key, disk.Id);
            DiscoveredNetwork nic = Assert.Single(vm.Networks);
            Assert.Equal(vm.Datacenter + "_DVPG0", nic.NetworkName);
            Assert.Matches("^00:0c:29(:[0-9a-f]{2}){3}$", nic.MacAddress);
        });
        Assert.Contains(observer.VMs, vm => vm.Folder == "Prod & Test/Web" && vm.Path == $"/{(vm.Datacenter == "DC0" ? "DC0" : "F0/DC1")}/vm/Prod & Test/Web/{vm.Name}");
        Assert.Contains(observer.VMs, vm => vm.Folder == "Lab");
        DiscoveredVM renamed = Assert.Single(observer.VMs, vm => vm.Name == "App & DB <1>");
        Assert.Equal("/DC0/vm/App & DB <1>", renamed.Path);
        Assert.Equal(string.Empty, renamed.Cluster);
    }

    [Fact]
    public async Task Templates_come_with_IncludeTemplates()
    {
        var observer = new CollectingObserver();

        await VMDiscoveryService.DiscoverAsync(Pinned(), new VMDiscoveryRequest { IncludeTemplates = true }, observer, CancellationToken.None);

        Assert.Equal(SimulatorDiscoveryFixture.ExpectedVMs, observer.VMs.Count);
        Assert.Equal(SimulatorDiscoveryFixture.ExpectedTemplates, observer.VMs.Count(v => v.IsTemplate));
        Assert.All(observer.VMs.Where(v => v.IsTemplate), v => Assert.Equal("poweredOff", v.PowerState));
    }

    [Fact]
    public async Task Datacenter_name_and_folder_filters_select_the_same_VMs_as_filtering_everything()
    {
        var all = new CollectingObserver();
        await VMDiscoveryService.DiscoverAsync(Pinned(), new VMDiscoveryRequest(), all, CancellationToken.None);
        var filtered = new CollectingObserver();

        VMDiscoveryResult result = await VMDiscoveryService.DiscoverAsync(Pinned(),
            new VMDiscoveryRequest { Datacenters = new[] { "dc1" }, Names = new[] { "DC1_C*", "App & DB <1>" }, Folder = "Prod & Test" },
            filtered, CancellationToken.None);

        string[] expected = all.VMs
            .Where(v => v.Datacenter == "DC1" && v.Name.StartsWith("DC1_C", StringComparison.Ordinal) && v.Folder.StartsWith("Prod & Test", StringComparison.Ordinal))
            .Select(v => v.MoRef).OrderBy(m => m, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, filtered.VMs.Select(v => v.MoRef).OrderBy(m => m, StringComparer.Ordinal));
        Assert.Equal(new[] { "App & DB <1>" }, result.UnmatchedNames);
    }

    [Fact]
    public async Task Identities_from_PowerCLI_style_objects_find_their_VMs()
    {
        var all = new CollectingObserver();
        await VMDiscoveryService.DiscoverAsync(Pinned(), new VMDiscoveryRequest { IncludeTemplates = true }, all, CancellationToken.None);
        DiscoveredVM[] sample = all.VMs.Take(4).ToArray();
        var identities = new[]
        {
            VMIdentity.FromMoRef("VirtualMachine-" + sample[0].MoRef),
            VMIdentity.FromInstanceUuid(sample[1].InstanceUuid.ToUpperInvariant()),
            VMIdentity.FromBiosUuid(sample[2].BiosUuid),
            VMIdentity.FromName(sample[3].Name),
            VMIdentity.FromMoRef("vm-999999"),
        };
        var observer = new CollectingObserver();

        VMDiscoveryResult result = await VMDiscoveryService.DiscoverAsync(Pinned(), new VMDiscoveryRequest { Identities = identities }, observer, CancellationToken.None);

        Assert.Equal(sample.Select(v => v.MoRef).OrderBy(m => m), observer.VMs.Select(v => v.MoRef).OrderBy(m => m));
        Assert.Equal(new[] { identities[4] }, result.UnmatchedIdentities);
        Assert.Equal(sample[2].Path, observer.Single(sample[2].MoRef).Path);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_with_both_thumbprints_and_a_wrong_pin_says_so()
    {
        VCenterConnectionOptions options = Credential();

        var error = await Assert.ThrowsAsync<SendenseException>(() => VCenterLogin.TestAsync(options, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterCertificateUntrusted, error.Code);
        Assert.Contains(_simulator.Sha256Thumbprint!, error.Message);
        Assert.Contains(_simulator.Sha1Thumbprint!, error.Message);
        Assert.Contains(_simulator.Server, error.Message);
        Assert.Contains("-Thumbprint", error.Message);

        options.Thumbprint = CertificateThumbprint.Parse(new string('0', 64));
        var wrongPin = await Assert.ThrowsAsync<SendenseException>(() => VCenterLogin.TestAsync(options, CancellationToken.None));
        Assert.Equal(SendenseErrorCode.VCenterCertificateUntrusted, wrongPin.Code);
        Assert.Contains("does not match the pinned SHA-256 thumbprint", wrongPin.Message);
    }

    [Theory]
    [InlineData("sha256")]
    [InlineData("sha1-lowercase-no-colons")]
    [InlineData("skip")]
    public async Task A_pinned_thumbprint_or_the_explicit_opt_out_lets_the_connection_through(string how)
    {
        VCenterConnectionOptions options = Credential();
        switch (how)
        {
            case "sha256":
                options.Thumbprint = CertificateThumbprint.Parse(_simulator.Sha256Thumbprint!);
                break;
            case "sha1-lowercase-no-colons":
                options.Thumbprint = CertificateThumbprint.Parse(_simulator.Sha1Thumbprint!.Replace(":", string.Empty).ToLowerInvariant());
                break;
            default:
                options.SkipCertificateCheck = true;
                break;
        }

        VCenterLoginResult result = await VCenterLogin.TestAsync(options, CancellationToken.None);

        Assert.Equal(_simulator.Topology.UserName, result.UserName);
        Assert.Equal("VirtualCenter", result.ApiType);
    }

    [Fact]
    public async Task The_simulator_refuses_a_wrong_password_as_a_login_error()
    {
        VCenterConnectionOptions options = Credential("not-" + _simulator.Topology.Password);
        options.Thumbprint = CertificateThumbprint.Parse(_simulator.Sha256Thumbprint!);

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            VMDiscoveryService.DiscoverAsync(options, new VMDiscoveryRequest(), new CollectingObserver(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterLoginFailed, error.Code);
        Assert.Contains(_simulator.Server, error.Message);
        Assert.DoesNotContain(_simulator.Topology.Password, error.ToString());
    }

    [Fact]
    public async Task A_borrowed_session_is_used_and_still_valid_afterwards()
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true, UseCookies = false });
        string cookie = await RawLogin(http);
        VCenterConnectionOptions options = VCenterConnectionOptions.ForSession(_simulator.Server, cookie);
        options.Thumbprint = CertificateThumbprint.Parse(_simulator.Sha256Thumbprint!);
        var observer = new CollectingObserver();

        VMDiscoveryResult result = await VMDiscoveryService.DiscoverAsync(options, new VMDiscoveryRequest(), observer, CancellationToken.None);

        Assert.Equal(SimulatorDiscoveryFixture.ExpectedVMs - SimulatorDiscoveryFixture.ExpectedTemplates, result.Discovered);
        Assert.Equal(_simulator.Topology.UserName, result.UserName);
        Assert.Contains(_simulator.Topology.UserName, await RawCurrentSession(http, cookie));
    }

    private VCenterConnectionOptions Pinned()
    {
        VCenterConnectionOptions options = Credential();
        options.Thumbprint = CertificateThumbprint.Parse(_simulator.Sha256Thumbprint!);
        return options;
    }

    private VCenterConnectionOptions Credential(string? password = null) =>
        VCenterConnectionOptions.ForCredential(_simulator.Server, _simulator.Topology.UserName,
            Secure(password ?? _simulator.Topology.Password));

    // The session is made without the module's client, the way PowerCLI would have made it.
    private async Task<string> RawLogin(HttpClient http)
    {
        string body = "<Login xmlns=\"urn:vim25\"><_this type=\"SessionManager\">SessionManager</_this><userName>" +
            System.Security.SecurityElement.Escape(_simulator.Topology.UserName) + "</userName><password>" +
            System.Security.SecurityElement.Escape(_simulator.Topology.Password) + "</password></Login>";
        using HttpResponseMessage response = await http.PostAsync(_simulator.Url, Soap(body));
        response.EnsureSuccessStatusCode();
        string setCookie = string.Join(";", response.Headers.GetValues("Set-Cookie"));
        return Regex.Match(setCookie, "vmware_soap_session=\"?([^\";]+)").Groups[1].Value;
    }

    private async Task<string> RawCurrentSession(HttpClient http, string cookie)
    {
        string body = "<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this><specSet>" +
            "<propSet><type>SessionManager</type><pathSet>currentSession</pathSet></propSet><objectSet><obj type=\"SessionManager\">SessionManager</obj></objectSet>" +
            "</specSet><options/></RetrievePropertiesEx>";
        using var request = new HttpRequestMessage(HttpMethod.Post, _simulator.Url) { Content = Soap(body) };
        request.Headers.Add("Cookie", "vmware_soap_session=" + cookie);
        using HttpResponseMessage response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static StringContent Soap(string body) => new StringContent(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>",
        Encoding.UTF8, "text/xml");
}
