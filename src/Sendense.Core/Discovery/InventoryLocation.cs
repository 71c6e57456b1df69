namespace Sendense.Core.Discovery;

/// <summary>
/// Where a VM's parent sits: the datacenter, the folder path and vApps between the datacenter's vm folder and the
/// VM, and the inventory path prefix the hub stores (vm_path = prefix + "/" + escaped VM name).
/// </summary>
internal sealed class InventoryLocation
{
    internal InventoryLocation(string datacenter, string datacenterPath, string folder, string escapedFolder, string vApp, string pathPrefix)
    {
        Datacenter = datacenter;
        DatacenterPath = datacenterPath;
        Folder = folder;
        EscapedFolder = escapedFolder;
        VApp = vApp;
        PathPrefix = pathPrefix;
    }

    /// <summary>Datacenter name for display.</summary>
    internal string Datacenter { get; }

    /// <summary>Escaped folders above the datacenter and its name, e.g. "Europe/DC1".</summary>
    internal string DatacenterPath { get; }

    /// <summary>Display folder path below the vm folder, e.g. "Prod/Web"; empty at the root.</summary>
    internal string Folder { get; }

    /// <summary>The same path from escaped names.</summary>
    internal string EscapedFolder { get; }

    /// <summary>Display name of the vApp(s) the VM is in ("Outer/Inner"); empty when none.</summary>
    internal string VApp { get; }

    /// <summary>/&lt;DC path&gt;/vm/&lt;folders&gt;[/&lt;vApps&gt;] from escaped names.</summary>
    internal string PathPrefix { get; }
}
