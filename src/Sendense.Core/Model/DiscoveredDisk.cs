namespace Sendense;

/// <summary>One VirtualDisk of a discovered VM, with the values the hub stores in vm_disks.</summary>
public sealed class DiscoveredDisk
{
    /// <summary>The device key, e.g. 2000.</summary>
    public int Key { get; set; }

    /// <summary>The hub's disk id, "disk-&lt;key&gt;" (backups order by it, so the format is fixed).</summary>
    public string Id => "disk-" + Key.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>deviceInfo.label, e.g. "Hard disk 1".</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>Capacity in bytes (capacityInBytes, else capacityInKB * 1024).</summary>
    public long CapacityBytes { get; set; }

    /// <summary>Capacity in whole GiB rounded up, as the hub stores size_gb.</summary>
    public long SizeGB => (CapacityBytes + 1073741823L) / 1073741824L;

    /// <summary>The datastore name from the backing file name "[ds] dir/file.vmdk".</summary>
    public string Datastore { get; set; } = string.Empty;

    /// <summary>backing.fileName, e.g. "[ds1] web01/web01.vmdk"; empty for backings without a file.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>True for thin, false for thick, null when the backing does not say.</summary>
    public bool? ThinProvisioned { get; set; }

    /// <summary>thin, thick or unknown: what the hub stores as provisioning_type.</summary>
    public string ProvisioningType => ThinProvisioned switch
    {
        true => "thin",
        false => "thick",
        null => "unknown",
    };

    /// <summary>Key of the controller the disk hangs on.</summary>
    public int? ControllerKey { get; set; }

    /// <summary>Unit number on that controller.</summary>
    public int? UnitNumber { get; set; }

    /// <inheritdoc />
    public override string ToString() => Label;
}
