using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

public sealed class OsTypeRuleTests
{
    [Theory]
    [InlineData("Microsoft Windows Server 2019 (64-bit)", "windows")]
    [InlineData("Microsoft Windows 10 (64-bit)", "windows")]
    [InlineData("windows2019srv_64Guest", "windows")]
    [InlineData("winNetEnterpriseGuest", "windows")]
    [InlineData("Microsoft Small Business Server 2003", "windows")]
    [InlineData("CentOS 7 (64-bit)", "linux")]
    [InlineData("centos64Guest", "linux")]
    [InlineData("Ubuntu Linux (64-bit)", "linux")]
    [InlineData("ubuntu64Guest", "linux")]
    [InlineData("Red Hat Enterprise Linux 9 (64-bit)", "linux")]
    [InlineData("rhel8_64Guest", "linux")]
    [InlineData("Debian GNU/Linux 12 (64-bit)", "linux")]
    [InlineData("debian11_64Guest", "linux")]
    [InlineData("SUSE Linux Enterprise 15 (64-bit)", "linux")]
    [InlineData("sles15_64Guest", "linux")]
    [InlineData("VMware Photon OS (64-bit)", "linux")]
    [InlineData("vmwarePhoton64Guest", "linux")]
    [InlineData("Rocky Linux (64-bit)", "linux")]
    [InlineData("AlmaLinux (64-bit)", "linux")]
    [InlineData("Oracle Linux 8 (64-bit)", "linux")]
    [InlineData("Amazon Linux 2 (64-bit)", "linux")]
    [InlineData("CoreOS Linux (64-bit)", "linux")]
    [InlineData("Other 4.x or later Linux (64-bit)", "linux")]
    [InlineData("FreeBSD 13 or later versions (64-bit)", "other")]
    [InlineData("freebsd13_64Guest", "other")]
    [InlineData("Oracle Solaris 11 (64-bit)", "other")]
    [InlineData("Apple macOS 12 (64-bit)", "other")]
    [InlineData("darwin21_64Guest", "other")]
    [InlineData("Microsoft MS-DOS", "other")]
    [InlineData("Other (32-bit)", "other")]
    [InlineData("otherGuest", "other")]
    [InlineData("", "other")]
    [InlineData(null, "other")]
    public void Maps_guest_names_case_insensitively_to_the_hubs_three_values(string? guest, string expected)
    {
        Assert.Equal(expected, OsTypeRule.Map(guest));
    }
}
