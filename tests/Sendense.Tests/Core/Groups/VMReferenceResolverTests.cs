using Sendense.Core.Groups;

namespace Sendense.Tests.Core.Groups;

/// <summary>How pipeline input is matched to the hub's VM contexts.</summary>
public sealed class VMReferenceResolverTests
{
    private static readonly ManagedVMKey Web01A = new ManagedVMKey("ctx-web01-20251006-203401", "web01", "vc-a.lab");
    private static readonly ManagedVMKey Web01B = new ManagedVMKey("ctx-web01-20251007-101010", "web01", "vc-b.lab");
    private static readonly ManagedVMKey Db01 = new ManagedVMKey("ctx-db01-20251006-203401", "db01", "vc-a.lab");
    private static readonly ManagedVMKey[] Hub = { Web01A, Web01B, Db01 };

    [Fact]
    public void Context_ids_match_exactly_ignoring_case()
    {
        VMResolution resolution = VMReferenceResolver.Resolve(new[] { VMReference.FromContextId("CTX-DB01-20251006-203401") }, Hub);
        Assert.Same(Db01, Assert.Single(resolution.VMs));
        Assert.Empty(resolution.Problems);
    }

    [Fact]
    public void Text_is_a_context_id_first_and_else_a_name()
    {
        VMResolution resolution = VMReferenceResolver.Resolve(
            new[] { VMReference.FromText(Web01B.ContextId), VMReference.FromText("DB01 ") }, Hub);
        Assert.Equal(new[] { Web01B, Db01 }, resolution.VMs);
    }

    [Fact]
    public void A_name_on_two_vcenters_is_ambiguous_unless_the_vcenter_is_given()
    {
        VMResolution ambiguous = VMReferenceResolver.Resolve(new[] { VMReference.FromText("web01") }, Hub);
        VMReferenceProblem problem = Assert.Single(ambiguous.Problems);
        Assert.Equal(SendenseErrorCode.ProtectionGroupVMAmbiguous, problem.Code);
        Assert.Contains("vc-a.lab", problem.Message);
        Assert.Contains("vc-b.lab", problem.Message);

        VMResolution narrowed = VMReferenceResolver.Resolve(new[] { VMReference.FromName("web01", "VC-B.lab") }, Hub);
        Assert.Same(Web01B, Assert.Single(narrowed.VMs));
    }

    [Fact]
    public void Names_and_ids_match_as_the_hub_compares_them_accents_and_trailing_spaces_included()
    {
        var cafe = new ManagedVMKey("ctx-café-20251006-203401", "café", "vc-a.lab");

        VMResolution resolution = VMReferenceResolver.Resolve(new[]
        {
            VMReference.FromText("CAFE"), VMReference.FromName("cafe ", "VC-A.LAB"), VMReference.FromContextId("CTX-CAFE-20251006-203401"),
        }, new[] { cafe });

        Assert.Empty(resolution.Problems);
        Assert.Same(cafe, Assert.Single(resolution.VMs));
        Assert.Equal(3, resolution.Matches.Count);
    }

    [Fact]
    public void A_name_on_another_vcenter_is_not_found_rather_than_the_wrong_vm()
    {
        VMResolution resolution = VMReferenceResolver.Resolve(new[] { VMReference.FromName("db01", "vc-b.lab") }, Hub);
        Assert.Empty(resolution.VMs);
        Assert.Contains("vc-b.lab", Assert.Single(resolution.Problems).Message);
    }

    [Fact]
    public void Every_unknown_input_is_reported_with_its_source_and_how_to_fix_it()
    {
        object source = new { Whatever = 1 };
        VMResolution resolution = VMReferenceResolver.Resolve(new[]
        {
            VMReference.FromContextId("ctx-gone"),
            VMReference.FromText("nope"),
            VMReference.Unrecognized(source, "of type Foo"),
        }, Hub);

        Assert.Empty(resolution.VMs);
        Assert.Equal(3, resolution.Problems.Count);
        Assert.All(resolution.Problems, problem => Assert.Equal(SendenseErrorCode.ProtectionGroupVMNotFound, problem.Code));
        Assert.Contains("Add-SendenseVM", resolution.Problems[0].Message);
        Assert.Same(source, resolution.Problems[2].Reference.Source);
        Assert.Contains("of type Foo", resolution.Problems[2].Message);
    }

    [Fact]
    public void The_same_vm_given_twice_joins_once_in_first_seen_order()
    {
        VMResolution resolution = VMReferenceResolver.Resolve(new[]
        {
            VMReference.FromText("db01"), VMReference.FromContextId(Web01A.ContextId), VMReference.FromContextId(Db01.ContextId),
        }, Hub);
        Assert.Equal(new[] { Db01, Web01A }, resolution.VMs);
        Assert.Equal(3, resolution.Matches.Count);
    }

    [Fact]
    public void Lookup_keys_are_each_value_once()
    {
        (var ids, var names) = VMReferenceResolver.LookupKeys(new[]
        {
            VMReference.FromContextId("ctx-1"), VMReference.FromText("CTX-1"), VMReference.FromName("web01", null), VMReference.FromText("web01"),
        });
        Assert.Equal(new[] { "ctx-1", "web01" }, ids.ToArray());
        Assert.Equal(new[] { "CTX-1", "web01" }, names.ToArray());
    }
}
