using System.Net;
using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

/// <summary>One vCenter reached under two names (D8): its VMs are written under the spelling the hub already has.</summary>
public sealed class VCenterSpellingsTests
{
    private static readonly Dictionary<string, IPAddress[]> Names = new Dictionary<string, IPAddress[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["localhost"] = new[] { IPAddress.IPv6Loopback, IPAddress.Loopback },
        ["vc01.corp.example"] = new[] { IPAddress.Parse("10.0.0.5") },
        ["vc01"] = new[] { IPAddress.Parse("10.0.0.5") },
        ["vc02.corp.example"] = new[] { IPAddress.Parse("10.0.0.6") },
    };

    private readonly RecordingObserver<VM> _observer = new RecordingObserver<VM>();
    private readonly List<string> _lookups = new List<string>();

    [Theory]
    [InlineData("127.0.0.1:8989", "localhost:8989")]
    [InlineData("localhost:8989", "127.0.0.1:8989")]
    [InlineData("vc01", "vc01.corp.example")] // 443 written or not
    [InlineData("10.0.0.5", "vc01.corp.example:443")]
    [InlineData("https://vc01/sdk", "vc01.corp.example")]
    public async Task A_name_that_reaches_a_known_vCenter_on_the_same_port_takes_the_hubs_spelling(string given, string known)
    {
        DiscoveredVM vm = TestVMs.Make("web01", vcenter: given);

        await Spellings().UnifyAsync(new[] { vm }, new[] { known, "vc02.corp.example" }, _observer, CancellationToken.None);

        Assert.Equal(known, vm.HubVCenter);
        Assert.Equal(given, vm.VCenter); // the script's object keeps the name it was discovered with
        string warning = Assert.Single(_observer.Warnings);
        Assert.Contains($"'{given}' is the vCenter the hub already knows as '{known}'", warning, StringComparison.Ordinal);
        Assert.Equal(known, VMInputValidator.Validate(vm).VCenterHost);
    }

    [Theory]
    [InlineData("127.0.0.1:8990", "localhost:8989")] // another port is another vCenter
    [InlineData("vc02.corp.example", "vc01.corp.example")] // another address
    [InlineData("nowhere.invalid", "vc01.corp.example")] // does not resolve
    public async Task Another_port_another_address_or_no_address_is_another_vCenter(string given, string known)
    {
        DiscoveredVM vm = TestVMs.Make("web01", vcenter: given);

        await Spellings().UnifyAsync(new[] { vm }, new[] { known }, _observer, CancellationToken.None);

        Assert.Null(vm.HubVCenter);
        Assert.Empty(_observer.Warnings);
    }

    [Fact]
    public async Task A_name_the_hub_knows_in_another_case_needs_no_lookup_and_no_warning()
    {
        DiscoveredVM vm = TestVMs.Make("web01", vcenter: "VC01.corp.example");

        await Spellings().UnifyAsync(new[] { vm }, new[] { "vc01.corp.example", "vc01" }, _observer, CancellationToken.None);

        Assert.Null(vm.HubVCenter);
        Assert.Empty(_observer.Warnings);
        Assert.Empty(_lookups);
    }

    [Fact]
    public async Task Each_name_is_resolved_once_for_a_whole_run_and_one_warning_covers_all_its_VMs()
    {
        DiscoveredVM[] vms = Enumerable.Range(0, 50).Select(i => TestVMs.Make($"web{i}", vcenter: "vc01")).ToArray();

        await Spellings().UnifyAsync(vms, new[] { "vc01.corp.example" }, _observer, CancellationToken.None);

        Assert.All(vms, vm => Assert.Equal("vc01.corp.example", vm.HubVCenter));
        Assert.Single(_observer.Warnings);
        Assert.Equal(new[] { "vc01", "vc01.corp.example" }, _lookups);
    }

    private VCenterSpellings Spellings() => new VCenterSpellings((host, _) =>
    {
        _lookups.Add(host);
        return Task.FromResult(Names.TryGetValue(host, out IPAddress[]? addresses) ? addresses : Array.Empty<IPAddress>());
    });
}
