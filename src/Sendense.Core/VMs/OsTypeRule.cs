namespace Sendense.Core.VMs;

/// <summary>
/// Maps a guest OS name to the three values the hub stores in vm_replication_contexts.os_type: windows, linux,
/// other. Upstream matches "Windows"/"Linux" case-sensitively in the full guest name, so "CentOS 7 (64-bit)",
/// "Ubuntu" without "Linux", "VMware Photon OS" and every lower-case guest id end up as other (contract §9.6).
/// Here the match is case-insensitive and knows the Linux distributions vSphere lists by name:
/// <list type="bullet">
/// <item>windows: any name or guest id containing "windows", Microsoft products other than MS-DOS, and guest ids
/// starting with "win" (winNetStandardGuest, winXPProGuest...).</item>
/// <item>linux: "linux" anywhere, or a distribution vSphere names without the word: CentOS, Ubuntu, Red Hat/RHEL,
/// Debian, SUSE/SLES, Photon, Fedora, CoreOS/Flatcar, Rocky, AlmaLinux, Asianux, Mandrake/Mandriva, Oracle
/// Linux, Amazon Linux, Miracle, Kylin.</item>
/// <item>other: everything else, deliberately including FreeBSD, Solaris, macOS/Darwin, NetWare, ESXi and
/// unknown or empty names. The hub has no value for these, and upstream stores other for them too.</item>
/// </list>
/// </summary>
public static class OsTypeRule
{
    /// <summary>The hub's value for Windows guests.</summary>
    public const string Windows = "windows";

    /// <summary>The hub's value for Linux guests.</summary>
    public const string Linux = "linux";

    /// <summary>The hub's value for anything else.</summary>
    public const string Other = "other";

    // Distribution names (and guest-id stems) that vSphere uses without the word "linux".
    private static readonly string[] LinuxMarkers =
    {
        "linux", "centos", "ubuntu", "red hat", "redhat", "rhel", "debian", "suse", "sles", "photon", "fedora",
        "coreos", "flatcar", "rocky", "almalinux", "asianux", "mandrake", "mandriva", "turbolinux", "miracle", "kylin",
    };

    /// <summary>windows, linux or other for a guest full name or guest id.</summary>
    public static string Map(string? guestOs)
    {
        if (string.IsNullOrWhiteSpace(guestOs))
        {
            return Other;
        }

        string name = guestOs!.Trim().ToLowerInvariant();
        // "Microsoft Small Business Server" is Windows without the word; "Microsoft MS-DOS" is not Windows.
        bool microsoftWindows = name.Contains("microsoft") && !name.Contains("dos");
        if (name.Contains("windows") || microsoftWindows || name.StartsWith("win", StringComparison.Ordinal))
        {
            return Windows;
        }

        foreach (string marker in LinuxMarkers)
        {
            if (name.Contains(marker))
            {
                return Linux;
            }
        }

        return Other;
    }
}
