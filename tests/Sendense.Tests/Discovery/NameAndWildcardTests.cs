using Sendense.Core.Discovery;

namespace Sendense.Tests.Discovery;

/// <summary>vCenter's name escaping and PowerCLI's Uids, as discovery reads them.</summary>
public sealed class NameAndWildcardTests
{
    [Theory]
    [InlineData("web%2f01", "web/01")]
    [InlineData("web%2F01", "web/01")]
    [InlineData("a%5cb", @"a\b")]
    [InlineData("100%25", "100%")]
    [InlineData("%252f", "%2f")]
    [InlineData("50%off", "50%off")]
    [InlineData("trailing%2", "trailing%2")]
    [InlineData("plain", "plain")]
    public void Escaped_names_are_unescaped_for_display(string escaped, string display)
    {
        Assert.Equal(display, InventoryName.Unescape(escaped));
    }

    [Theory]
    [InlineData(@"a/b\c%d")]
    [InlineData("%2f")]
    public void Escaping_round_trips(string display)
    {
        Assert.Equal(display, InventoryName.Unescape(InventoryName.Escape(display)));
    }

    [Theory]
    [InlineData("/VIServer=administrator@vsphere.local@vc01.example.com:443/VirtualMachine=VirtualMachine-vm-88/", "vc01.example.com", "vm-88")]
    [InlineData("/VIServer=root@vc02:8443/VirtualMachine=VirtualMachine-vm-1/", "vc02:8443", "vm-1")]
    public void PowerCLI_Uids_name_the_vCenter_and_the_MoRef(string uid, string server, string moRef)
    {
        Assert.True(VMIdentity.TryParsePowerCLIUid(uid, out string parsedServer, out VMIdentity? identity));
        Assert.Equal(server, parsedServer);
        Assert.Equal(VMIdentity.FromMoRef(moRef), identity);
        Assert.False(VMIdentity.TryParsePowerCLIUid("VirtualMachine-vm-1", out _, out _));
    }
}
