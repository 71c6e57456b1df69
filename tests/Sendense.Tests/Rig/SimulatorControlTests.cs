using System.Diagnostics;
using System.Net;
using Sendense.Core.Discovery;
using Sendense.Core.VSphere;
using Sendense.Tests.Discovery;

namespace Sendense.Tests.Rig;

/// <summary>
/// The simulator's control channel really changes the vCenter: after each command the module's own discovery (vim25
/// over TLS with a pinned thumbprint) reports the change, and the fault layer answers plain HTTP requests as told.
/// Every test has a simulator of its own, as the commands change its state.
/// </summary>
public sealed class SimulatorControlTests
{
    // The name needs both escaping forms: blanks, XML specials and a literal percent sign.
    private const string Odd = "App & DB <1> 100%";

    private static readonly SimulatorTopology Small = new SimulatorTopology
    {
        Tls = true,
        Renames = new Dictionary<string, string> { ["DC0_H0_VM0"] = Odd },
    };

    private const string RetrieveServiceContent =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" +
        "<RetrieveServiceContent xmlns=\"urn:vim25\"><_this type=\"ServiceInstance\">ServiceInstance</_this></RetrieveServiceContent></soapenv:Body></soapenv:Envelope>";

    [Fact]
    public async Task Info_reports_what_discovery_reports_column_by_column()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(Small);

        DiscoveredVM[] discovered = await DiscoverAsync(simulator);

        Assert.Equal(4, discovered.Length);
        foreach (DiscoveredVM vm in discovered)
        {
            SimulatorVMInfo info = await simulator.GetVMInfoAsync(vm.Name);
            Assert.Equal(vm.MoRef, info.MoRef);
            Assert.Equal(vm.Name, info.Name);
            Assert.Equal(vm.BiosUuid, info.BiosUuid);
            Assert.Equal(vm.InstanceUuid, info.InstanceUuid);
            Assert.Equal(vm.PowerState, info.PowerState);
            Assert.Equal(vm.NumCpu, info.NumCpu);
            Assert.Equal(vm.MemoryMB, info.MemoryMB);
            Assert.Equal(vm.IsTemplate, info.Template);
            Assert.Equal(
                vm.Disks.Select(d => (d.Key, d.Label, d.CapacityBytes, d.FileName, d.ThinProvisioned == true)),
                info.Disks.Select(d => (d.Key, d.Label, d.CapacityBytes, d.FileName, d.Thin)));
            Assert.Equivalent(info, await simulator.GetVMInfoAsync(vm.MoRef), strict: true); // a moref names the VM as well
        }

        Assert.Equal(discovered.Select(v => (v.MoRef, v.Name)).OrderBy(x => x.MoRef),
            (await simulator.ListVMsAsync()).Select(v => (v.MoRef, v.Name)).OrderBy(x => x.MoRef));
    }

    [Fact]
    public async Task Rename_changes_the_name_discovery_reports_and_keeps_the_identity()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(Small);
        SimulatorVMInfo before = await simulator.GetVMInfoAsync(Odd);

        await simulator.RenameVMAsync(Odd, "web 01 ü");

        DiscoveredVM renamed = Assert.Single(await DiscoverAsync(simulator), v => v.MoRef == before.MoRef);
        Assert.Equal("web 01 ü", renamed.Name);
        Assert.Equal(before.BiosUuid, renamed.BiosUuid);
        // The word form: percent-encoded UTF-8, blanks and the percent sign itself.
        Assert.Contains("\"name\":\"web 01 ü\"", await simulator.SendAsync("info web%2001%20%C3%BC"));
        await simulator.SendAsync("rename web%2001%20%C3%BC 50%25%20off");
        Assert.Equal("50% off", (await simulator.GetVMInfoAsync(before.MoRef)).Name);
        var error = await Assert.ThrowsAsync<SimulatorCommandException>(() => simulator.GetVMInfoAsync(Odd));
        Assert.Contains("no VM named", error.Reason);
    }

    [Fact]
    public async Task Power_commands_change_the_power_state_discovery_reports()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(Small);
        string moRef = (await simulator.GetVMInfoAsync("DC0_C0_RP0_VM0")).MoRef;

        foreach ((SimulatorPowerState state, string expected) in new[]
        {
            (SimulatorPowerState.PoweredOff, "poweredOff"),
            (SimulatorPowerState.PoweredOff, "poweredOff"), // already off: left alone, no error
            (SimulatorPowerState.PoweredOn, "poweredOn"),
            (SimulatorPowerState.Suspended, "suspended"),
        })
        {
            await simulator.SetPowerStateAsync("DC0_C0_RP0_VM0", state);
            Assert.Equal(expected, Assert.Single(await DiscoverAsync(simulator), v => v.MoRef == moRef).PowerState);
        }
    }

    [Fact]
    public async Task Resize_changes_cpu_and_memory_as_discovery_reports_them()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(Small);

        await simulator.ResizeVMAsync(Odd, 4, 6144);

        DiscoveredVM vm = Assert.Single(await DiscoverAsync(simulator), v => v.Name == Odd);
        Assert.Equal(4, vm.NumCpu);
        Assert.Equal(6144, vm.MemoryMB);
        Assert.All((await DiscoverAsync(simulator)).Where(v => v.Name != Odd), other => Assert.NotEqual(4, other.NumCpu));
    }

    [Fact]
    public async Task Added_and_removed_disks_show_in_discovery_by_key_and_label()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(Small);
        DiscoveredDisk original = Assert.Single(Assert.Single(await DiscoverAsync(simulator), v => v.Name == Odd).Disks);

        SimulatorNewDisk added = await simulator.AddDiskAsync(Odd, 2048);

        DiscoveredVM vm = Assert.Single(await DiscoverAsync(simulator), v => v.Name == Odd);
        Assert.Equal(2, vm.Disks.Length);
        DiscoveredDisk disk = Assert.Single(vm.Disks, d => d.Key == added.Key);
        Assert.NotEqual(original.Key, added.Key);
        Assert.Equal(added.Label, disk.Label);
        Assert.Equal(2048L * 1024 * 1024, disk.CapacityBytes);
        Assert.Equal("thin", disk.ProvisioningType);
        Assert.Equal(added.FileName, disk.FileName);
        Assert.Equal(original.ControllerKey, disk.ControllerKey);

        await simulator.RemoveDiskAsync(Odd, added.Label);
        Assert.Equal(new[] { original.Key }, Assert.Single(await DiscoverAsync(simulator), v => v.Name == Odd).Disks.Select(d => d.Key));

        SimulatorNewDisk second = await simulator.AddDiskAsync(Odd, 10);
        await simulator.RemoveDiskAsync(Odd, second.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), keepFiles: true);
        Assert.Equal(new[] { original.Key }, Assert.Single(await DiscoverAsync(simulator), v => v.Name == Odd).Disks.Select(d => d.Key));
        await Assert.ThrowsAsync<SimulatorCommandException>(() => simulator.RemoveDiskAsync(Odd, "no such disk"));
    }

    [Fact]
    public async Task Destroy_removes_a_running_VM_from_inventory()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(Small);
        SimulatorVMInfo victim = await simulator.GetVMInfoAsync("DC0_C0_RP0_VM1");
        Assert.Equal("poweredOn", victim.PowerState);

        await simulator.DestroyVMAsync("DC0_C0_RP0_VM1");

        DiscoveredVM[] left = await DiscoverAsync(simulator);
        Assert.Equal(3, left.Length);
        Assert.DoesNotContain(left, v => v.MoRef == victim.MoRef || v.BiosUuid == victim.BiosUuid);
        await Assert.ThrowsAsync<SimulatorCommandException>(() => simulator.GetVMInfoAsync(victim.MoRef));
        Assert.DoesNotContain(await simulator.ListVMsAsync(), v => v.MoRef == victim.MoRef);
    }

    [Fact]
    public async Task Fail_answers_the_next_requests_with_the_status_and_an_empty_body_then_serves_again()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology());
        using var http = new HttpClient();

        SimulatorFaultStats armed = await simulator.FailAsync(2, 503);

        Assert.Equal(2, armed.FailLeft);
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            using HttpResponseMessage refused = await Post(http, simulator);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Empty(await refused.Content.ReadAsByteArrayAsync());
        }

        using HttpResponseMessage served = await Post(http, simulator);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("<apiType>VirtualCenter</apiType>", await served.Content.ReadAsStringAsync());
        SimulatorFaultStats stats = await simulator.GetStatsAsync();
        Assert.Equal((3L, 2L, 0), (stats.Requests, stats.Failed, stats.FailLeft));
    }

    [Fact]
    public async Task FailFirst_faults_the_very_first_request_and_not_the_launchers_own_start()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology
        {
            FailFirst = 1,
            FailStatus = 502,
            VMFolders = new[] { "Moved" }, // the launcher's own reshaping requests must pass the fault layer
            Templates = 1,
        });
        using var http = new HttpClient();

        using HttpResponseMessage first = await Post(http, simulator);
        using HttpResponseMessage second = await Post(http, simulator);

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1L, (await simulator.GetStatsAsync()).Failed);
    }

    [Fact]
    public async Task Freeze_holds_client_requests_while_control_commands_still_answer_and_delay_adds_latency()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology());
        using var http = new HttpClient();

        await simulator.FreezeAsync(TimeSpan.FromSeconds(3));
        var clock = Stopwatch.StartNew();
        Task<HttpResponseMessage> held = Post(http, simulator);
        SimulatorVMInfo info = await simulator.GetVMInfoAsync("DC0_H0_VM0");
        bool heldWhileControlAnswered = !held.IsCompleted;
        using HttpResponseMessage released = await held;

        Assert.Equal("DC0_H0_VM0", info.Name);
        Assert.True(heldWhileControlAnswered, "the control channel must not be frozen with the clients");
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.5), $"held only {clock.Elapsed}");

        await simulator.SetDelayAsync(TimeSpan.FromMilliseconds(400));
        clock.Restart();
        using (HttpResponseMessage delayed = await Post(http, simulator))
        {
            Assert.Equal(HttpStatusCode.OK, delayed.StatusCode);
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"delayed only {clock.Elapsed}");
        Assert.Equal(0L, (await simulator.SetDelayAsync(TimeSpan.Zero)).DelayMs);
    }

    [Fact]
    public async Task Refused_commands_answer_ERR_and_the_channel_keeps_working()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology());

        foreach (string bad in new[] { "bogus", "resize DC0_H0_VM0 two 1024", "resize DC0_H0_VM0", "fail 1 42", "info %zz", "[\"info\", true]", "info nobody" })
        {
            var error = await Assert.ThrowsAsync<SimulatorCommandException>(() => simulator.SendAsync(bad));
            Assert.Equal(bad, error.Command);
            Assert.NotEmpty(error.Reason);
        }

        Assert.Equal("{\"pong\":true}", await simulator.SendAsync("ping"));
        Assert.Equal(1, (await simulator.GetVMInfoAsync("DC0_H0_VM0")).NumCpu);
        await Assert.ThrowsAsync<ArgumentException>(() => simulator.SendAsync("ping\nping"));
    }

    [Fact]
    public async Task A_command_not_answered_in_time_throws_and_its_late_answer_is_skipped()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology());

        Signal("STOP", simulator.ProcessId); // a simulator that hangs: the command waits in the pipe
        try
        {
            await Assert.ThrowsAsync<TimeoutException>(() => simulator.SendAsync("list", TimeSpan.FromSeconds(1)));
        }
        finally
        {
            Signal("CONT", simulator.ProcessId);
        }

        // The late answer of list comes first on the channel; the next command must still get its own.
        Assert.Equal("DC0_H0_VM1", (await simulator.GetVMInfoAsync("DC0_H0_VM1")).Name);
        Assert.Equal("{\"pong\":true}", await simulator.SendAsync("ping"));
    }

    [Fact]
    public async Task The_control_session_comes_back_when_someone_terminates_it()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology());
        using var http = new HttpClient();
        string login = "<Login xmlns=\"urn:vim25\"><_this type=\"SessionManager\">SessionManager</_this><userName>" +
            System.Security.SecurityElement.Escape(simulator.Topology.UserName) + "</userName><password>" +
            System.Security.SecurityElement.Escape(simulator.Topology.Password) + "</password></Login>";
        using HttpResponseMessage loggedIn = await Soap(http, simulator, login, cookie: null);
        string cookie = System.Text.RegularExpressions.Regex.Match(string.Join(";", loggedIn.Headers.GetValues("Set-Cookie")), "vmware_soap_session=\"?([^\";]+)").Groups[1].Value;
        string mine = System.Text.RegularExpressions.Regex.Match(await loggedIn.Content.ReadAsStringAsync(), "<key>([^<]+)</key>").Groups[1].Value;

        string[] others = (await SessionKeys(http, simulator, cookie)).Where(k => k != mine).ToArray();
        Assert.NotEmpty(others); // the launcher's own session
        string terminate = "<TerminateSession xmlns=\"urn:vim25\"><_this type=\"SessionManager\">SessionManager</_this>" +
            string.Concat(others.Select(k => "<sessionId>" + k + "</sessionId>")) + "</TerminateSession>";
        using (HttpResponseMessage terminated = await Soap(http, simulator, terminate, cookie))
        {
            Assert.Equal(HttpStatusCode.OK, terminated.StatusCode);
        }

        Assert.Equal("DC0_H0_VM0", (await simulator.GetVMInfoAsync("DC0_H0_VM0")).Name);
        string[] now = await SessionKeys(http, simulator, cookie);
        Assert.DoesNotContain(now, others.Contains);
        Assert.Contains(now, k => k != mine); // logged in again
    }

    [Fact]
    public async Task Kill_is_a_vCenter_that_died_connections_are_refused_and_commands_fail()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology());
        using var http = new HttpClient();
        using (HttpResponseMessage alive = await Post(http, simulator))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        await simulator.KillAsync();

        Assert.True(simulator.HasExited);
        Assert.Equal(137, simulator.ExitCode); // 128 + SIGKILL: no clean-up ran
        await Assert.ThrowsAsync<HttpRequestException>(() => Post(http, simulator));
        await Assert.ThrowsAsync<InvalidOperationException>(() => simulator.SendAsync("ping"));
    }

    [Fact]
    public async Task Closing_standard_input_still_stops_the_simulator()
    {
        VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology());
        using Process process = Process.GetProcessById(simulator.ProcessId);
        await simulator.SendAsync("ping");

        var clock = Stopwatch.StartNew();
        await simulator.DisposeAsync();

        Assert.True(process.HasExited);
        Assert.Equal(0, simulator.ExitCode); // a clean exit: the simulator removed its datastores itself
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(9), $"took {clock.Elapsed}: closing stdin did not stop it, it was killed");
    }

    [Fact]
    public async Task StartMany_starts_independent_simulators_at_once()
    {
        VCenterSimulator[] simulators = await VCenterSimulator.StartManyAsync(new[]
        {
            new SimulatorTopology(),
            new SimulatorTopology { Datacenters = 2 },
            Small,
        });
        try
        {
            Assert.Equal(3, simulators.Select(s => s.Server).Distinct().Count());
            await simulators[0].RenameVMAsync("DC0_H0_VM0", "only in the first");

            Assert.Equal("only in the first", (await simulators[0].ListVMsAsync()).Single(v => v.Name.StartsWith("only", StringComparison.Ordinal)).Name);
            Assert.Equal(8, (await simulators[1].ListVMsAsync()).Count);
            Assert.DoesNotContain(await simulators[1].ListVMsAsync(), v => v.Name == "only in the first");
            Assert.Single(await DiscoverAsync(simulators[2]), v => v.Name == Odd);
        }
        finally
        {
            foreach (VCenterSimulator simulator in simulators)
            {
                await simulator.DisposeAsync();
            }
        }
    }

    private static async Task<DiscoveredVM[]> DiscoverAsync(VCenterSimulator simulator)
    {
        VCenterConnectionOptions options = VCenterConnectionOptions.ForCredential(simulator.Server, simulator.Topology.UserName,
            Secure(simulator.Topology.Password));
        options.Thumbprint = CertificateThumbprint.Parse(simulator.Sha256Thumbprint!);
        var observer = new CollectingObserver();
        await VMDiscoveryService.DiscoverAsync(options, new VMDiscoveryRequest { IncludeTemplates = true }, observer, CancellationToken.None);
        return observer.VMs.ToArray();
    }

    private static async Task<string[]> SessionKeys(HttpClient http, VCenterSimulator simulator, string cookie)
    {
        const string Body = "<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this><specSet>" +
            "<propSet><type>SessionManager</type><pathSet>sessionList</pathSet></propSet><objectSet><obj type=\"SessionManager\">SessionManager</obj></objectSet>" +
            "</specSet><options/></RetrievePropertiesEx>";
        using HttpResponseMessage response = await Soap(http, simulator, Body, cookie);
        return System.Text.RegularExpressions.Regex.Matches(await response.Content.ReadAsStringAsync(), "<key>([^<]+)</key>")
            .Select(m => m.Groups[1].Value).ToArray();
    }

    private static async Task<HttpResponseMessage> Soap(HttpClient http, VCenterSimulator simulator, string body, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, simulator.Url)
        {
            Content = new StringContent(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" +
                body + "</soapenv:Body></soapenv:Envelope>", Encoding.UTF8, "text/xml"),
        };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", "vmware_soap_session=" + cookie);
        }

        HttpResponseMessage response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static void Signal(string signal, int processId)
    {
        using Process kill = Process.Start("kill", new[] { "-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, VCenterSimulator simulator) =>
        http.PostAsync(simulator.Url, new StringContent(RetrieveServiceContent, Encoding.UTF8, "text/xml"));
}
