using Sendense.Core.Discovery;

namespace Sendense.Tests.Discovery;

/// <summary>How PowerCLI objects and names are turned into identities and answered from one discovery sweep.</summary>
public sealed class VMIdentityMatcherTests
{
    private static DiscoveredVM VM(string moRef, string name, string instanceUuid = "") =>
        new DiscoveredVM { MoRef = moRef, Name = name, InventoryName = name, InstanceUuid = instanceUuid, Path = "/DC0/vm/" + name };

    [Fact]
    public void A_PowerCLI_Uid_names_the_vCenter_and_wins_over_Id_PersistentId_and_Name()
    {
        VMIdentityRequest request = VMIdentityRequest.From("web01", "VirtualMachine-vm-7", "5003-aa",
            "/VIServer=administrator@vsphere.local@vc01.lab:443/VirtualMachine=VirtualMachine-vm-42/", "input")!;

        Assert.Equal(VMIdentityKind.MoRef, request.Identity.Kind);
        Assert.Equal("vm-42", request.Identity.Value);
        Assert.Equal("vc01.lab", request.Server);
    }

    [Theory]
    [InlineData("VirtualMachine-vm-7", "5003-aa", VMIdentityKind.MoRef, "vm-7")]
    [InlineData(null, "5003-aa", VMIdentityKind.InstanceUuid, "5003-aa")]
    [InlineData(null, null, VMIdentityKind.Name, "web01")]
    public void Without_a_Uid_the_most_precise_identity_is_used(string? id, string? persistentId, VMIdentityKind kind, string value)
    {
        VMIdentityRequest request = VMIdentityRequest.From("web01", id, persistentId, null, "input")!;

        Assert.Equal(kind, request.Identity.Kind);
        Assert.Equal(value, request.Identity.Value);
        Assert.Null(request.Server);
    }

    [Fact]
    public void Nothing_to_go_by_is_no_request()
    {
        Assert.Null(VMIdentityRequest.From(" ", null, null, null, "input"));
    }

    [Fact]
    public void Requests_for_another_vCenter_are_split_off_with_an_error_naming_both()
    {
        VMIdentityRequest here = VMIdentityRequest.From("a", null, null, "/VIServer=u@vc01:443/VirtualMachine=VirtualMachine-vm-1/", "a")!;
        VMIdentityRequest there = VMIdentityRequest.From("b", null, null, "/VIServer=u@vc02:443/VirtualMachine=VirtualMachine-vm-2/", "b")!;
        VMIdentityRequest plain = VMIdentityRequest.From("c", null, null, null, "c")!;

        var (kept, elsewhere) = VMIdentityMatcher.SplitByVCenter(new[] { here, there, plain }, "https://VC01/sdk");

        Assert.Equal(new[] { here, plain }, kept);
        var (request, error) = Assert.Single(elsewhere);
        Assert.Same(there, request);
        Assert.Equal(SendenseErrorCode.VCenterInvalidArgument, error.Code);
        Assert.Contains("vc02", error.Message);
        Assert.Contains("VC01", error.Message);
    }

    [Fact]
    public void Each_request_gets_one_VM_in_request_order_and_each_VM_is_returned_once()
    {
        DiscoveredVM web = VM("vm-1", "web01", "i-1");
        DiscoveredVM db = VM("vm-2", "db01", "i-2");
        VMIdentityRequest byName = VMIdentityRequest.From("db01", null, null, null, "db01")!;
        VMIdentityRequest byUuid = VMIdentityRequest.From("x", null, "i-1", null, "uuid")!;
        VMIdentityRequest again = VMIdentityRequest.From("web01", null, null, null, "again")!;

        var (found, problems) = VMIdentityMatcher.Match(new[] { byName, byUuid, again }, new[] { web, db }, "vc01");

        Assert.Equal(new[] { db, web }, found);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_name_that_matches_nothing_or_several_VMs_is_an_error_for_that_request_only()
    {
        VMIdentityRequest missing = VMIdentityRequest.From("nope", null, null, null, "nope")!;
        VMIdentityRequest twice = VMIdentityRequest.From("web01", null, null, null, "web01")!;
        VMIdentityRequest fine = VMIdentityRequest.From("db01", null, null, null, "db01")!;
        DiscoveredVM[] vms = { VM("vm-1", "web01"), VM("vm-9", "web01"), VM("vm-2", "db01") };

        var (found, problems) = VMIdentityMatcher.Match(new[] { missing, twice, fine }, vms, "vc01");

        Assert.Equal("vm-2", Assert.Single(found).MoRef);
        Assert.Equal(new[] { SendenseErrorCode.VCenterVMNotFound, SendenseErrorCode.VCenterInvalidArgument }, problems.Select(p => p.Error.Code));
        Assert.Equal(new object[] { "nope", "web01" }, problems.Select(p => p.Request.Source));
        Assert.Contains("/DC0/vm/web01", problems[1].Error.Message);
    }
}
