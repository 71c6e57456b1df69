using Sendense.Core.Discovery;
using Sendense.Core.Refresh;

namespace Sendense.Tests.Core.Refresh;

/// <summary>Which login serves which managed VMs in Update-SendenseVM (pure grouping, no I/O).</summary>
public sealed class RefreshTargetsTests
{
    [Fact]
    public void Each_VM_logs_in_with_its_own_credential_and_VMs_without_one_use_the_hub_s_unambiguous_credential()
    {
        VM[] vms = { Vm("a", "vc1", 1), Vm("b", "vc1", 2), Vm("c", "vc1", null), Vm("d", "VC1", 1), Vm("e", "vc2", null) };
        VCenterCredential[] stored = { Credential(2, "vc1", isDefault: true), Credential(3, "vc1", isDefault: false) };

        List<RefreshTarget> targets = RefreshTargets.Group(vms, new RefreshRequest(), null, stored);

        Assert.Equal(new[] { "a", "d" }, targets.Single(t => t.CredentialId == 1).VMs.Select(v => v.Name));
        Assert.Equal(new[] { "b", "c" }, targets.Single(t => t.CredentialId == 2).VMs.Select(v => v.Name)); // c: the default of vc1
        RefreshTarget refused = targets.Single(t => t.Refusal is not null);
        Assert.Equal("vc2", refused.VCenter);
        Assert.Equal(SendenseErrorCode.RefreshNoCredential, refused.Refusal!.Code);
        Assert.Contains("New-SendenseVCenterCredential -VCenter vc2", refused.Refusal.Message, StringComparison.Ordinal);
        Assert.All(targets.Where(t => t.Refusal is null), t => Assert.Equal(t.CredentialId, t.Access!.StoredCredential!.Id));
    }

    [Fact]
    public void An_explicit_way_in_serves_its_own_vCenter_only_and_each_other_vCenter_gets_one_refusal()
    {
        VM[] vms = { Vm("a", "vc1.corp", 1), Vm("b", "vc2", 1), Vm("c", "vc2", 1) };
        var request = new RefreshRequest { Access = new VCenterAccess { VCenter = "https://VC1.corp/sdk" } };

        List<RefreshTarget> targets = RefreshTargets.Group(vms, request, request.Access.VCenter, Array.Empty<VCenterCredential>());

        Assert.Same(request.Access, targets.Single(t => t.VCenter == "vc1.corp").Access);
        RefreshTarget other = targets.Single(t => t.VCenter == "vc2");
        Assert.Null(other.Access);
        Assert.Equal(2, other.VMs.Count);
        Assert.Equal(SendenseErrorCode.RefreshNoCredential, other.Refusal!.Code);
    }

    private static VM Vm(string name, string vcenter, int? credentialId) =>
        new VM { Name = name, VCenter = vcenter, CredentialId = credentialId, ContextId = "ctx-" + name, BiosUuid = Guid.NewGuid().ToString() };

    private static VCenterCredential Credential(int id, string vcenter, bool isDefault) =>
        new VCenterCredential { Id = id, Name = "cred" + id, VCenter = vcenter, IsActive = true, IsDefault = isDefault };
}
