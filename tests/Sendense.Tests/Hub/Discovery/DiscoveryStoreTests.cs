using Sendense.Core.Discovery;
using Sendense.Hub.Connection;
using Sendense.Hub.Discovery;

namespace Sendense.Tests.Hub.Discovery;

/// <summary>The one query that marks discovery output as managed, on the real upstream schema.</summary>
public sealed class DiscoveryStoreTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _database;

    public DiscoveryStoreTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task Contexts_of_the_vCenter_are_found_by_BIOS_uuid_or_MoRef_as_the_hub_compares_them()
    {
        await _database.ExecuteAsync(
            "INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter) VALUES " +
            "('ctx-web01-20251006-203401', 'web01', '421A2B3C-4D5E-6F70-8192-A3B4C5D6E7F8', '/DC/vm/web01', 'VC01.example.com', 'DC')," +
            "('ctx-lost-20251006-203401', 'lost', 'vm-25', '/DC/vm/lost', 'vc01.example.com', 'DC')," +
            "('ctx-other-20251006-203401', 'web01', '421a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8', '/DC/vm/web01', 'vc02.example.com', 'DC')");
        HubConnection hub = await HubEngine.ConnectAsync(_database.Options(), CancellationToken.None);
        try
        {
            IReadOnlyDictionary<string, string> managed = await new DiscoveryStore(hub).ManagedVMsAsync("vc01.example.com", CancellationToken.None);

            Assert.Equal(2, managed.Count);
            var web = new DiscoveredVM { MoRef = "vm-21", BiosUuid = "421a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8" };
            var lost = new DiscoveredVM { MoRef = "vm-25" };
            var other = new DiscoveredVM { MoRef = "vm-30", BiosUuid = "00000000-0000-0000-0000-000000000000" };
            Assert.Equal("ctx-web01-20251006-203401", ManagedVMs.ContextOf(managed, web));
            Assert.Equal("ctx-lost-20251006-203401", ManagedVMs.ContextOf(managed, lost));
            Assert.Null(ManagedVMs.ContextOf(managed, other));
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

}
