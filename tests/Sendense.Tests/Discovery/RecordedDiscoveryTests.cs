using Sendense.Core.Discovery;
using Sendense.Core.VSphere;
using Sendense.Tests.VSphere;

namespace Sendense.Tests.Discovery;

/// <summary>
/// Discovery against recorded vCenter 8.0.3 responses (Fixtures/vsphere) served over real HTTP: paging with tokens,
/// Continue and Cancel, session expiry mid-sweep, faults and compressed bodies, none of which the simulator can do.
/// </summary>
public sealed class RecordedDiscoveryTests
{
    private static readonly string[] AllVMs = { "vm-21", "vm-22", "vm-23", "vm-24", "vm-25", "vm-26" };

    [Fact]
    public async Task Pages_through_every_token_and_resolves_names_folders_vApps_hosts_and_networks_in_memory()
    {
        await using FakeVCenter fake = FakeVCenter.Start(ThreePages);
        var observer = new CollectingObserver();

        VMDiscoveryResult result = await Discover(fake, new VMDiscoveryRequest(), observer);

        Assert.Equal(new[] { "vm-21", "vm-22", "vm-23", "vm-25", "vm-26" }, observer.VMs.Select(v => v.MoRef));
        Assert.Equal(5, result.Discovered);
        Assert.Equal(1, result.TemplatesSkipped);
        Assert.Equal("VMware vCenter Server 8.0.3 build-24022515", result.Product);
        Assert.Equal(@"VSPHERE.LOCAL\svc-sendense", result.UserName);

        SoapCall full = fake.Calls.Single(c => c.Kind == RetrieveKind.Full);
        Assert.Equal(AllVMs, full.RequestedVMs);
        Assert.Equal(500, full.MaxObjects);
        Assert.Equal(new[] { "1", "2" }, fake.Calls.Where(c => c.Method == "ContinueRetrievePropertiesEx").Select(c => c.Token));
        Assert.Equal(0, fake.Count("CancelRetrievePropertiesEx"));
        AssertReleased(fake);
        Assert.Equal(1, fake.Calls.Count(c => c.Kind == RetrieveKind.Inventory));
        Assert.Equal(0, fake.Calls.Count(c => c.Kind == RetrieveKind.Light));

        DiscoveredVM web = observer.Single("vm-21");
        Assert.Equal("web/01", web.Name);
        Assert.Equal("web%2f01", web.InventoryName);
        Assert.Equal("Lab%DC", web.Datacenter);
        Assert.Equal("Prod & Test/Web/Tier", web.Folder);
        Assert.Equal("/Europe/Lab%25DC/vm/Prod & Test/Web%2fTier/web%2f01", web.Path);
        Assert.Equal(string.Empty, web.VApp);
        Assert.Equal($"127.0.0.1:{fake.Port}", web.VCenter);
        Assert.Equal("VirtualMachine-vm-21", web.Id);
        Assert.Equal("421a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8", web.BiosUuid);
        Assert.Equal("501a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8", web.InstanceUuid);
        Assert.Equal("poweredOn", web.PowerState);
        Assert.Equal("connected", web.ConnectionState);
        Assert.Equal("Ubuntu Linux (64-bit)", web.GuestOS);
        Assert.Equal(4, web.NumCpu);
        Assert.Equal(8192, web.MemoryMB);
        Assert.Equal("vmx-19", web.HardwareVersion);
        Assert.Equal("esx01.lab.local", web.Host);
        Assert.Equal("Cluster/01", web.Cluster);
        Assert.Equal("10.0.0.21", web.IPAddress);
        Assert.False(web.IsTemplate);
        Assert.Null(web.IsManaged);
        Assert.Collection(web.Disks,
            d =>
            {
                Assert.Equal(2000, d.Key);
                Assert.Equal("disk-2000", d.Id);
                Assert.Equal("Hard disk 1", d.Label);
                Assert.Equal(42949672960L, d.CapacityBytes);
                Assert.Equal(40, d.SizeGB);
                Assert.Equal("vsanDatastore", d.Datastore);
                Assert.Equal("[vsanDatastore] 5b1c6e0a-web01/web%2f01.vmdk", d.FileName);
                Assert.True(d.ThinProvisioned);
                Assert.Equal("thin", d.ProvisioningType);
                Assert.Equal(1000, d.ControllerKey);
                Assert.Equal(0, d.UnitNumber);
            },
            d =>
            {
                Assert.Equal("disk-2001", d.Id);
                Assert.Equal(107374183424L, d.CapacityBytes);
                Assert.Equal(101, d.SizeGB); // 100 GiB + 1 KiB: the hub stores whole GiB rounded up
                Assert.Equal("ds-prod-01", d.Datastore);
                Assert.Equal("thick", d.ProvisioningType);
                Assert.Equal(1, d.UnitNumber);
            });
        DiscoveredNetwork webNic = Assert.Single(web.Networks);
        Assert.Equal("Network adapter 1", webNic.Label);
        Assert.Equal("DPortGroup/Prod", webNic.NetworkName);
        Assert.Equal("00:50:56:9a:1b:21", webNic.MacAddress);

        DiscoveredVM app = observer.Single("vm-22");
        Assert.Equal("Billing", app.VApp);
        Assert.Equal("Prod & Test", app.Folder);
        Assert.Equal("/Europe/Lab%25DC/vm/Prod & Test/Billing/app01", app.Path);
        Assert.Equal("esx02.lab.local", app.Host);
        Assert.Equal(string.Empty, app.Cluster);
        Assert.Equal("poweredOff", app.PowerState);
        Assert.Equal("Microsoft Windows Server 2022 (64-bit)", app.GuestOS);
        Assert.Equal("thin", Assert.Single(app.Disks).ProvisioningType);
        Assert.Equal("VM Network", Assert.Single(app.Networks).NetworkName);

        DiscoveredVM db = observer.Single("vm-23");
        Assert.Equal("db 01", db.Name);
        Assert.Equal(string.Empty, db.Folder);
        Assert.Equal("/Europe/Lab%25DC/vm/db 01", db.Path);
        Assert.Equal("suspended", db.PowerState);
        Assert.Equal("Red Hat Enterprise Linux 9 (64-bit)", db.GuestOS);
        Assert.Equal("thick", Assert.Single(db.Disks).ProvisioningType);
        Assert.Equal(500, db.Disks[0].SizeGB);
        Assert.Equal("nsx-seg-web", Assert.Single(db.Networks).NetworkName);

        DiscoveredVM orphan = observer.Single("vm-25");
        Assert.Equal("lost%vm", orphan.Name);
        Assert.Equal("orphaned", orphan.ConnectionState);
        Assert.Equal(string.Empty, orphan.BiosUuid);
        Assert.Equal(0, orphan.NumCpu);
        Assert.Empty(orphan.Disks);

        DiscoveredVM edge = observer.Single("vm-26");
        Assert.Equal(@"edge\01", edge.Name);
        Assert.Equal("Prod & Test/Web/Tier", edge.Folder);
        DiscoveredDisk pmem = Assert.Single(edge.Disks);
        Assert.Equal(20L * 1024 * 1024 * 1024, pmem.CapacityBytes);
        Assert.Null(pmem.ThinProvisioned);
        Assert.Equal("unknown", pmem.ProvisioningType);
        Assert.Equal("PMemDS-9a8b", pmem.Datastore);
        DiscoveredNetwork futureNic = Assert.Single(edge.Networks);
        Assert.Equal("VM Network", futureNic.NetworkName);
        Assert.Equal("00:50:56:9a:1b:26", futureNic.MacAddress);
        Assert.Equal(string.Empty, edge.IPAddress);
        Assert.Contains(observer.Warnings, w => w.Contains("guest.ipAddress") && w.Contains("1 VM(s)") && w.Contains("NoPermission"));
    }

    [Fact]
    public async Task Templates_are_left_out_unless_asked_for()
    {
        await using FakeVCenter fake = FakeVCenter.Start(ThreePages);
        var observer = new CollectingObserver();

        VMDiscoveryResult result = await Discover(fake, new VMDiscoveryRequest { IncludeTemplates = true }, observer);

        Assert.Equal(6, result.Discovered);
        DiscoveredVM template = observer.Single("vm-24");
        Assert.True(template.IsTemplate);
        Assert.Equal("tmpl-debian12", template.Name);
    }

    [Fact]
    public async Task Stopping_early_releases_the_outstanding_result_set_with_CancelRetrievePropertiesEx()
    {
        await using FakeVCenter fake = FakeVCenter.Start(ThreePages);
        var observer = new CollectingObserver { Stop = (1, () => throw new InvalidOperationException("consumer stopped")) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Discover(fake, new VMDiscoveryRequest(), observer));

        Assert.Equal("consumer stopped", error.Message);
        SoapCall cancel = Assert.Single(fake.Calls, c => c.Method == "CancelRetrievePropertiesEx");
        Assert.Equal("1", cancel.Token);
        Assert.Equal(0, fake.Count("ContinueRetrievePropertiesEx"));
        AssertReleased(fake);
    }

    [Fact]
    public async Task Ctrl_C_mid_page_cancels_the_result_set_and_still_logs_out()
    {
        using var cancellation = new CancellationTokenSource();
        await using FakeVCenter fake = FakeVCenter.Start(call =>
            call.Method == "ContinueRetrievePropertiesEx" && call.Token == "1" ? FakeReply.Fixture("vms-page2.xml").After(TimeSpan.FromSeconds(30)) : ThreePages(call));
        var observer = new CollectingObserver { Stop = (2, () => cancellation.CancelAfter(200)) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Discover(fake, new VMDiscoveryRequest(), observer, cancellation.Token));

        Assert.Equal(2, observer.VMs.Count);
        Assert.Contains(fake.Calls, c => c.Method == "CancelRetrievePropertiesEx" && c.Token == "1");
        Assert.Equal(1, fake.Count("Logout"));
    }

    // vCenter says a session is gone mid-sweep in two ways: a page whose every value is missing with NotAuthenticated,
    // or a NotAuthenticated fault for the whole call. Both are recovered the same way.
    [Theory]
    [InlineData("vms-page2-not-authenticated.xml", 200)]
    [InlineData("fault-not-authenticated.xml", 500)]
    public async Task A_session_lost_mid_sweep_logs_in_once_more_and_restarts_without_repeating_a_VM(string continueReply, int status)
    {
        int full = 0;
        await using FakeVCenter fake = FakeVCenter.Start(call =>
        {
            if (call.Kind == RetrieveKind.Full && Interlocked.Increment(ref full) == 1)
            {
                return FakeReply.Fixture("vms-page1.xml");
            }

            return call.Method == "ContinueRetrievePropertiesEx" ? FakeReply.Fixture(continueReply, status) : null;
        });
        var observer = new CollectingObserver();

        VMDiscoveryResult result = await Discover(fake, new VMDiscoveryRequest(), observer);

        Assert.True(result.SessionRenewed);
        Assert.Equal(new[] { "vm-21", "vm-22", "vm-23", "vm-25", "vm-26" }, observer.VMs.Select(v => v.MoRef));
        Assert.Equal(2, fake.Count("Login"));
        Assert.Null(fake.Calls.Where(c => c.Method == "Login").Last().Cookie);
        SoapCall[] fulls = fake.Calls.Where(c => c.Kind == RetrieveKind.Full).ToArray();
        Assert.Equal(2, fulls.Length);
        Assert.Equal(new[] { "vm-23", "vm-24", "vm-25", "vm-26" }, fulls[1].RequestedVMs);
        Assert.Equal(2, fake.Calls.Count(c => c.Kind == RetrieveKind.Inventory));
        Assert.DoesNotContain(fake.Calls, c => c.Method == "CancelRetrievePropertiesEx");
        Assert.Contains(observer.Verbose, v => v.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_lost_again_after_the_new_login_is_an_error_not_a_loop()
    {
        await using FakeVCenter fake = FakeVCenter.Start(call =>
            call.Kind == RetrieveKind.Full ? FakeReply.Fixture("vms-page1.xml")
            : call.Method == "ContinueRetrievePropertiesEx" ? FakeReply.Fixture("vms-page2-not-authenticated.xml")
            : null);

        var error = await Assert.ThrowsAsync<SendenseException>(() => Discover(fake, new VMDiscoveryRequest(), new CollectingObserver()));

        Assert.Equal(SendenseErrorCode.VCenterNotAuthenticated, error.Code);
        Assert.Contains(fake.Server, error.Message);
        Assert.Equal(2, fake.Count("Login"));
    }

    [Fact]
    public async Task An_InvalidProperty_fault_names_the_path_and_the_vCenter_version_and_still_logs_out()
    {
        await using FakeVCenter fake = FakeVCenter.Start(call =>
            call.Kind == RetrieveKind.Full ? FakeReply.Fixture("fault-invalid-property.xml", 500) : null);

        var error = await Assert.ThrowsAsync<SendenseException>(() => Discover(fake, new VMDiscoveryRequest(), new CollectingObserver()));

        Assert.Equal(SendenseErrorCode.VCenterInvalidProperty, error.Code);
        Assert.Contains("'config.hardware.device'", error.Message);
        Assert.Contains("8.0.3", error.Message);
        Assert.Contains(fake.Server, error.Message);
        AssertReleased(fake);
    }

    [Fact]
    public async Task Gzip_and_deflate_bodies_are_decoded_and_both_are_offered()
    {
        await using FakeVCenter fake = FakeVCenter.Start(call =>
            call.Kind == RetrieveKind.Inventory ? FakeReply.Fixture("inventory.xml").Compressed("deflate")
            : call.Kind == RetrieveKind.Full ? FakeReply.Fixture("vms-page1.xml").Compressed("gzip")
            : call.Method == "ContinueRetrievePropertiesEx" && call.Token == "1" ? FakeReply.Fixture("vms-page2.xml").Compressed("deflate")
            : call.Method == "ContinueRetrievePropertiesEx" ? FakeReply.Fixture("vms-page3.xml").Compressed("gzip")
            : null);
        var observer = new CollectingObserver();

        await Discover(fake, new VMDiscoveryRequest(), observer);

        Assert.Equal(5, observer.VMs.Count);
        Assert.Equal("Prod & Test/Web/Tier", observer.Single("vm-21").Folder);
        Assert.All(fake.Calls, c =>
        {
            Assert.Contains("gzip", c.AcceptEncoding);
            Assert.Contains("deflate", c.AcceptEncoding);
        });
    }

    [Fact]
    public async Task The_quoted_Secure_session_cookie_goes_back_quoted_on_every_later_call_without_Expect_100_continue()
    {
        await using FakeVCenter fake = FakeVCenter.Start(ThreePages);

        await Discover(fake, new VMDiscoveryRequest(), new CollectingObserver());

        SoapCall[] calls = fake.Calls.ToArray();
        Assert.Equal("RetrieveServiceContent", calls[0].Method);
        Assert.Null(calls[0].Cookie);
        Assert.Equal("Login", calls[1].Method);
        Assert.Null(calls[1].Cookie);
        Assert.All(calls.Skip(2), c => Assert.Equal("vmware_soap_session=\"" + FakeVCenter.SessionCookieValue + "\"", c.Cookie));
        Assert.All(calls, c => Assert.Null(c.Expect));
        Assert.All(calls, c => Assert.StartsWith("text/xml", c.ContentType));
        Assert.All(calls.Skip(1), c => Assert.Equal("\"urn:vim25/8.0.3.0\"", c.SoapAction));
    }

    [Fact]
    public async Task Names_datacenters_and_folders_select_VMs_with_a_light_read_first()
    {
        await using FakeVCenter fake = FakeVCenter.Start();
        var observer = new CollectingObserver();
        var request = new VMDiscoveryRequest
        {
            Names = new[] { "WEB*", "edge`\\01", "app01", "nothere" },
            Datacenters = new[] { "Lab%DC", "Missing DC" },
            Folder = "Prod & Test/Web/Tier",
        };

        VMDiscoveryResult result = await Discover(fake, request, observer);

        Assert.Equal(new[] { "vm-21", "vm-26" }, observer.VMs.Select(v => v.MoRef));
        Assert.Single(fake.Calls, c => c.Kind == RetrieveKind.Light);
        Assert.Equal(new[] { "vm-21", "vm-26" }, fake.Calls.Single(c => c.Kind == RetrieveKind.Full).RequestedVMs);
        Assert.Equal(new[] { "app01", "nothere" }, result.UnmatchedNames);
        Assert.Equal(new[] { "Missing DC" }, result.UnmatchedDatacenters);
    }

    [Fact]
    public async Task A_folder_may_be_given_as_a_full_inventory_path_and_includes_its_subfolders_and_vApps()
    {
        await using FakeVCenter fake = FakeVCenter.Start();
        var observer = new CollectingObserver();

        await Discover(fake, new VMDiscoveryRequest { Folder = "/Europe/Lab%25DC/vm/Prod & Test" }, observer);

        Assert.Equal(new[] { "vm-21", "vm-22", "vm-26" }, observer.VMs.Select(v => v.MoRef).OrderBy(m => m, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Power_states_filter_without_a_light_read()
    {
        await using FakeVCenter fake = FakeVCenter.Start();
        var observer = new CollectingObserver();

        await Discover(fake, new VMDiscoveryRequest { PowerStates = new[] { "PoweredOff", "suspended" } }, observer);

        Assert.Equal(new[] { "vm-22", "vm-23", "vm-25" }, observer.VMs.Select(v => v.MoRef));
        Assert.DoesNotContain(fake.Calls, c => c.Kind == RetrieveKind.Light);
    }

    [Fact]
    public async Task Identities_discover_exactly_those_VMs_templates_included_and_report_the_missing_ones()
    {
        await using FakeVCenter fake = FakeVCenter.Start();
        var observer = new CollectingObserver();
        var request = new VMDiscoveryRequest
        {
            Identities = new[]
            {
                VMIdentity.FromMoRef("VirtualMachine-vm-23"),
                VMIdentity.FromBiosUuid("422B3C4D-5E6F-7081-92A3-B4C5D6E7F809"),
                VMIdentity.FromInstanceUuid("506f7081-92a3-b4c5-d6e7-f8091a2b3c4d"),
                VMIdentity.FromName("web/01"),
                VMIdentity.FromName("tmpl-debian12"),
                VMIdentity.FromMoRef("vm-99"),
            },
        };

        VMDiscoveryResult result = await Discover(fake, request, observer);

        Assert.Equal(new[] { "vm-21", "vm-22", "vm-23", "vm-24", "vm-26" }, observer.VMs.Select(v => v.MoRef).OrderBy(m => m, StringComparer.Ordinal));
        Assert.True(observer.Single("vm-24").IsTemplate);
        Assert.Equal(new[] { VMIdentity.FromMoRef("vm-99") }, result.UnmatchedIdentities);
        Assert.Contains("vm-99", fake.Calls.Single(c => c.Kind == RetrieveKind.Full).RequestedVMs);
        Assert.True(request.Identities[1].Matches(observer.Single("vm-22")));
    }

    [Fact]
    public async Task MoRef_identities_need_no_light_read()
    {
        await using FakeVCenter fake = FakeVCenter.Start();
        var observer = new CollectingObserver();

        await Discover(fake, new VMDiscoveryRequest { Identities = new[] { VMIdentity.FromMoRef("vm-22") } }, observer);

        Assert.Equal("vm-22", Assert.Single(observer.VMs).MoRef);
        Assert.DoesNotContain(fake.Calls, c => c.Kind == RetrieveKind.Light);
        Assert.Equal(new[] { "vm-22" }, fake.Calls.Single(c => c.Kind == RetrieveKind.Full).RequestedVMs);
    }

    [Fact]
    public async Task The_page_size_sets_maxObjects_and_the_batch_size_and_batches_keep_their_order()
    {
        await using FakeVCenter fake = FakeVCenter.Start(call =>
            call.Kind == RetrieveKind.Full && call.RequestedVMs[0] == "vm-21"
                ? FakeReply.Xml(RecordedVMs.Response("RetrievePropertiesExResponse", call)).After(TimeSpan.FromMilliseconds(300))
                : null);
        var observer = new CollectingObserver();

        VMDiscoveryResult result = await Discover(fake, new VMDiscoveryRequest { PageSize = 2, IncludeTemplates = true }, observer);

        SoapCall[] fulls = fake.Calls.Where(c => c.Kind == RetrieveKind.Full).ToArray();
        Assert.Equal(3, fulls.Length);
        Assert.All(fulls, c => Assert.Equal(2, c.MaxObjects));
        Assert.Equal(AllVMs, observer.VMs.Select(v => v.MoRef));
        Assert.Equal(6, result.Discovered);
    }

    // However the sweep ended, it let go of what it held on vCenter: its container view and its session.
    private static void AssertReleased(FakeVCenter fake)
    {
        Assert.Equal(1, fake.Count("DestroyView"));
        Assert.Equal(1, fake.Count("Logout"));
    }

    private static FakeReply? ThreePages(SoapCall call) => call switch
    {
        { Kind: RetrieveKind.Full } => FakeReply.Fixture("vms-page1.xml"),
        { Method: "ContinueRetrievePropertiesEx", Token: "1" } => FakeReply.Fixture("vms-page2.xml"),
        { Method: "ContinueRetrievePropertiesEx", Token: "2" } => FakeReply.Fixture("vms-page3.xml"),
        _ => null,
    };

    internal static Task<VMDiscoveryResult> Discover(FakeVCenter fake, VMDiscoveryRequest request, CollectingObserver observer,
        CancellationToken cancellationToken = default) =>
        VMDiscoveryService.DiscoverAsync(Credential(fake.Server), request, observer, cancellationToken);

    internal static VCenterConnectionOptions Credential(string server, string password = "S3cret!&<x>") =>
        FakeVCenter.Http(VCenterConnectionOptions.ForCredential(server, "svc-sendense@vsphere.local", Secure(password)));
}
