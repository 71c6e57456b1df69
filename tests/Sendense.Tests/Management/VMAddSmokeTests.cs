using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sendense.Core.Management;
using Sendense.Hub.Management;
using Sendense.Tests.Rig;
using Xunit;

namespace Sendense.Tests.Management;

public sealed class VMAddSmokeTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _database;

    public VMAddSmokeTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task Adds_then_leaves_unchanged()
    {
        HubConnection hub = await TestVMs.ConnectAsync(_database);
        var vms = Enumerable.Range(0, 5).Select(i => TestVMs.Make("smoke" + i)).ToArray();
        using VMAddSession run = await VMAddSession.OpenAsync(hub, null, CancellationToken.None);
        var (candidates, refused) = VMAddSession.Validate(vms);
        Assert.Empty(refused);
        var plan = await run.PlanAsync(candidates, CancellationToken.None);
        Assert.All(plan, d => Assert.Equal(VMAddAction.Add, d.Action));
        var outcomes = await run.WriteAsync(plan, CancellationToken.None);
        Assert.All(outcomes, o => Assert.Equal(Sendense.VMAddResult.Added, o.VM!.Result));
        var again = await run.PlanAsync(candidates, CancellationToken.None);
        Assert.All(again, d => Assert.Equal(VMAddAction.Unchanged, d.Action));
        Assert.Equal(10L, System.Convert.ToInt64(await _database.ScalarAsync("SELECT COUNT(*) FROM vm_disks")));
    }
}
