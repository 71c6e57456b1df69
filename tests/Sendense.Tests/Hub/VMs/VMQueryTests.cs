using System.Diagnostics;
using Sendense.Core.VMs;
using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub.VMs;

/// <summary>Get-SendenseVM and Get-SendenseUngroupedVM against the real MariaDB.</summary>
public sealed class VMQueryEngineTests : IClassFixture<VMQueryEngineTests.Inventory>
{
    private readonly Inventory _inventory;

    public VMQueryEngineTests(Inventory inventory) => _inventory = inventory;

    [Fact]
    public async Task Lists_every_VM_ordered_by_name_with_all_its_groups()
    {
        IReadOnlyList<VM> vms = await GetAsync(new VMQuery());

        Assert.Equal(Inventory.Names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), vms.Select(v => v.Name));
        VM db = vms.Single(v => v.Name == "db-01");
        Assert.Equal(new[] { "Gold", "Nightly" }, db.Groups);
        Assert.Equal(new[] { "Nightly" }, vms.Single(v => v.Name == "web-01").Groups);
        Assert.Empty(vms.Single(v => v.Name == "web-02").Groups);
        Assert.Equal("linux", db.OsType);
        Assert.NotNull(db.CreatedAt);
    }

    [Fact]
    public async Task Ungrouped_means_in_no_group_as_upstreams_query()
    {
        IReadOnlyList<VM> vms = await GetAsync(new VMQuery { UngroupedOnly = true });
        Assert.Equal(new[] { "50%_off", "app_x", "web-02", "web-03" }, vms.Select(v => v.Name));
        Assert.All(vms, vm => Assert.Empty(vm.Groups));
    }

    [Theory]
    [InlineData("web-*", "web-01,web-02,web-03")]
    [InlineData("WEB-0?", "web-01,web-02,web-03")]
    [InlineData("web-0[13]", "web-01,web-03")]
    [InlineData("50%_off", "50%_off")]
    [InlineData("50%*", "50%_off")]
    [InlineData("app_*", "app_x")]
    [InlineData("app?x", "app_x")]
    [InlineData("appXx", "")]
    [InlineData("*1", "db-01,web-01")]
    public async Task Name_wildcards_are_PowerShells_with_percent_and_underscore_literal(string pattern, string expected)
    {
        IReadOnlyList<VM> vms = await GetAsync(new VMQuery { Names = new[] { pattern } });
        Assert.Equal(expected, string.Join(",", vms.Select(v => v.Name)));
    }

    [Fact]
    public async Task Filters_combine_and_values_within_a_filter_are_alternatives()
    {
        Assert.Equal("db-01,web-01,web-03", Names(await GetAsync(new VMQuery { PowerStates = new[] { "poweredOn" } })));
        Assert.Equal("web-03", Names(await GetAsync(new VMQuery { Datacenters = new[] { "DC1" } })));
        Assert.Equal("app_x", Names(await GetAsync(new VMQuery { VCenters = new[] { "vc2*" } })));
        Assert.Equal("db-01", Names(await GetAsync(new VMQuery { Statuses = new[] { "replicating" } })));
        Assert.Equal("db-01,web-01", Names(await GetAsync(new VMQuery { ProtectionGroups = new[] { "night*" } })));
        Assert.Equal("db-01", Names(await GetAsync(new VMQuery { ProtectionGroups = new[] { "Gold" }, Names = new[] { "*" } })));
        Assert.Equal("web-01,web-02", Names(await GetAsync(new VMQuery { Names = new[] { "web-01", "web-02" }, Datacenters = new[] { "DC0" } })));
        VM db = Assert.Single(await GetAsync(new VMQuery { ContextIds = new[] { _inventory.ContextOf("db-01") } }));
        Assert.Equal(new[] { "Gold", "Nightly" }, db.Groups); // filtering on a group never hides the VM's other groups
        Assert.Equal("web-03", Names(await GetAsync(new VMQuery { UngroupedOnly = true, Datacenters = new[] { "DC1" }, PowerStates = new[] { "poweredOn" } })));
    }

    [Fact]
    public async Task Each_listing_is_one_SQL_command()
    {
        var commands = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MySqlConnector",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // Only this class's database: other test classes run in parallel in the same process.
                string? database = (activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name")) as string;
                string text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string ?? string.Empty;
                // The session's one-time probe of the server's quoting mode (at connect) is not part of a listing.
                if (activity.OperationName == "Execute" && database == _inventory.Database.Name && !text.Contains("@@SESSION.sql_mode", StringComparison.Ordinal))
                {
                    lock (commands)
                    {
                        commands.Add((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string ?? string.Empty);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await GetAsync(new VMQuery { ProtectionGroups = new[] { "*" } });
        int forGet = commands.Count;
        await GetAsync(new VMQuery { UngroupedOnly = true });

        Assert.Equal(1, forGet);
        Assert.Equal(2, commands.Count);
        // One SELECT each, sorted in memory (FullSort's statement-scoped settings).
        Assert.All(commands, text => Assert.StartsWith(FullSort.Prefix + "SELECT", text.TrimStart(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Completions_are_distinct_prefix_matches_from_the_hub()
    {
        HubConnection hub = await TestVMs.ConnectAsync(_inventory.Database);
        try
        {
            Assert.Equal(new[] { "web-01", "web-02", "web-03" }, await new VMStore(hub).CompleteAsync(VMColumn.Name, "WEB", 100, CancellationToken.None));
            Assert.Equal(new[] { "50%_off" }, await new VMStore(hub).CompleteAsync(VMColumn.Name, "50%", 100, CancellationToken.None));
            Assert.Equal(new[] { "DC0", "DC1" }, await new VMStore(hub).CompleteAsync(VMColumn.Datacenter, "", 100, CancellationToken.None));
            Assert.Equal(new[] { "vc1.lab", "vc2.lab" }, await new VMStore(hub).CompleteAsync(VMColumn.VCenter, "vc", 100, CancellationToken.None));
            Assert.Single(await new VMStore(hub).CompleteAsync(VMColumn.Name, "", 1, CancellationToken.None));
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    private static string Names(IReadOnlyList<VM> vms) => string.Join(",", vms.Select(v => v.Name));

    private async Task<IReadOnlyList<VM>> GetAsync(VMQuery filter)
    {
        HubConnection hub = await TestVMs.ConnectAsync(_inventory.Database);
        try
        {
            return await new VMService(new VMStore(hub)).FindAsync(filter, new RecordingObserver<VM>(), CancellationToken.None);
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    /// <summary>A small hub: six VMs on two vCenters, two groups, one VM in both.</summary>
    public sealed class Inventory : IAsyncLifetime
    {
        internal static readonly string[] Names = { "web-01", "web-02", "web-03", "db-01", "50%_off", "app_x" };

        private readonly HubDatabaseFixture _fixture = new HubDatabaseFixture();
        private Dictionary<string, string> _contexts = new Dictionary<string, string>();

        internal HubDatabase Database => _fixture.Database;

        internal string ContextOf(string name) => _contexts[name];

        public async Task InitializeAsync()
        {
            await _fixture.InitializeAsync();
            var vms = new[]
            {
                TestVMs.Make("web-01", vcenter: "vc1.lab"),
                TestVMs.Make("web-02", vcenter: "vc1.lab", powerState: "poweredOff"),
                TestVMs.Make("web-03", vcenter: "vc1.lab", datacenter: "DC1"),
                TestVMs.Make("db-01", vcenter: "vc1.lab"),
                TestVMs.Make("50%_off", vcenter: "vc1.lab", powerState: "suspended"),
                TestVMs.Make("app_x", vcenter: "vc2.lab", powerState: "poweredOff", guest: "Microsoft Windows Server 2022 (64-bit)"),
            };
            var result = await VMAdds.RunAsync(Database, vms);
            _contexts = result.VMs.ToDictionary(v => v.Name, v => v.ContextId);
            await Database.ExecuteAsync(
                "INSERT INTO vm_machine_groups (name) VALUES ('Nightly'), ('Gold');" +
                $"INSERT INTO vm_group_memberships (group_id, vm_context_id) SELECT id, '{_contexts["db-01"]}' FROM vm_machine_groups;" +
                $"INSERT INTO vm_group_memberships (group_id, vm_context_id) SELECT id, '{_contexts["web-01"]}' FROM vm_machine_groups WHERE name = 'Nightly';" +
                $"UPDATE vm_replication_contexts SET current_status = 'replicating' WHERE context_id = '{_contexts["db-01"]}'");
        }

        public Task DisposeAsync() => _fixture.DisposeAsync();
    }
}
