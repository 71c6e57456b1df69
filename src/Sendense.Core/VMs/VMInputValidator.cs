namespace Sendense.Core.VMs;

/// <summary>
/// Checks a discovered VM against what the hub's schema and readers need, and maps it to row values. Everything
/// that would make MariaDB refuse the row, or store something upstream's code cannot read back, is refused here,
/// per VM, before anything is sent: so one bad VM never costs the rest of its batch.
/// </summary>
public static class VMInputValidator
{
    /// <summary>vm_name, vmware_vm_id, vcenter_host, datacenter, vm_tools_version, os_type: VARCHAR(255).</summary>
    public const int NameLength = 255;

    /// <summary>vm_path: VARCHAR(500).</summary>
    public const int PathLength = 500;

    /// <summary>power_state: VARCHAR(50).</summary>
    public const int PowerStateLength = 50;

    /// <summary>Maps the VM or throws a SendenseException (VMInvalid, VMValueTooLong, VMIsTemplate) that says what to fix.</summary>
    public static HubVMValues Validate(DiscoveredVM vm)
    {
        if (vm is null)
        {
            throw new ArgumentNullException(nameof(vm));
        }

        string name = !string.IsNullOrEmpty(vm.InventoryName) ? vm.InventoryName : vm.Name ?? string.Empty;
        string shown = name.Length == 0 ? "(no name)" : HubText.ForMessage(name);
        string where = string.IsNullOrEmpty(vm.VCenter) ? string.Empty : $" on {vm.VCenter}";

        if (name.Length == 0)
        {
            throw Invalid($"A VM{where} has no name (MoRef '{vm.MoRef}'). The hub stores every VM under its vCenter name; pass objects from Invoke-SendenseVMDiscovery.");
        }

        if (vm.IsTemplate)
        {
            throw new SendenseException(SendenseErrorCode.VMIsTemplate,
                $"'{shown}'{where} is a template. The hub cannot protect templates; deploy a VM from it, or leave it out (discovery does unless -IncludeTemplate is given).");
        }

        // config.uuid, with the MoRef as upstream's fallback when vCenter returned no config.
        string uuid = !string.IsNullOrEmpty(vm.BiosUuid) ? vm.BiosUuid : vm.MoRef ?? string.Empty;
        if (uuid.Length == 0)
        {
            throw Invalid($"VM '{shown}'{where} has neither a BIOS uuid nor a MoRef. The hub identifies VMs by BIOS uuid; discover the VM again.");
        }

        RequireText(vm.VCenter, "vCenter (VCenter)", shown, where);
        RequireText(vm.Datacenter, "datacenter (Datacenter)", shown, where);
        RequireText(vm.Path, "inventory path (Path)", shown, where);

        CheckText(name, NameLength, "name", shown, where);
        CheckText(uuid, NameLength, "BIOS uuid", shown, where);
        CheckText(vm.Path, PathLength, "inventory path", shown, where);
        CheckText(vm.VCenter, NameLength, "vCenter name", shown, where);
        CheckText(vm.Datacenter, NameLength, "datacenter name", shown, where);
        string powerState = string.IsNullOrEmpty(vm.PowerState) ? "unknown" : vm.PowerState;
        CheckText(powerState, PowerStateLength, "power state", shown, where);
        string hardwareVersion = vm.HardwareVersion ?? string.Empty;
        CheckText(hardwareVersion, NameLength, "hardware version", shown, where);
        if (vm.NumCpu < 0 || vm.MemoryMB < 0)
        {
            throw Invalid($"VM '{shown}'{where} reports {vm.NumCpu} CPUs and {vm.MemoryMB} MB of memory; negative values cannot be stored.");
        }

        return new HubVMValues
        {
            VMName = name,
            VMwareVMId = uuid,
            VMPath = vm.Path,
            VCenterHost = vm.HubVCenter ?? vm.VCenter,
            Datacenter = vm.Datacenter,
            CpuCount = vm.NumCpu,
            MemoryMB = vm.MemoryMB,
            OsType = OsTypeRule.Map(vm.GuestOS),
            PowerState = powerState,
            VMToolsVersion = hardwareVersion,
            Disks = MapDisks(vm, shown, where),
        };
    }

    private static List<HubDiskValues> MapDisks(DiscoveredVM vm, string shown, string where)
    {
        DiscoveredDisk[] disks = vm.Disks ?? Array.Empty<DiscoveredDisk>();
        var rows = new List<HubDiskValues>(disks.Length);
        var keys = new HashSet<int>();
        foreach (DiscoveredDisk? disk in disks)
        {
            if (disk is null)
            {
                continue;
            }

            if (!keys.Add(disk.Key))
            {
                throw Invalid($"VM '{shown}'{where} lists disk key {disk.Key.ToString(CultureInfo.InvariantCulture)} twice; every disk needs its own device key.");
            }

            if (disk.CapacityBytes < 0)
            {
                throw Invalid($"Disk '{disk.Label}' of VM '{shown}'{where} has a negative capacity.");
            }

            foreach (string text in new[] { disk.Label ?? string.Empty, disk.FileName ?? string.Empty, disk.Datastore ?? string.Empty })
            {
                if (!HubText.IsWellFormed(text))
                {
                    throw Invalid($"Disk '{disk.Key.ToString(CultureInfo.InvariantCulture)}' of VM '{shown}'{where} has text with an unpaired surrogate character, which cannot be stored as UTF-8.");
                }
            }

            rows.Add(new HubDiskValues
            {
                DiskId = disk.Id,
                Path = disk.FileName ?? string.Empty,
                SizeGB = disk.SizeGB,
                Datastore = disk.Datastore ?? string.Empty,
                UnitNumber = disk.UnitNumber ?? 0,
                Label = disk.Label ?? string.Empty,
                CapacityBytes = disk.CapacityBytes,
                ProvisioningType = disk.ProvisioningType,
            });
        }

        return rows;
    }

    private static void RequireText(string? value, string what, string shown, string where)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Invalid($"VM '{shown}'{where} has no {what}. The hub requires it; pass objects from Invoke-SendenseVMDiscovery.");
        }
    }

    private static void CheckText(string value, int limit, string what, string shown, string where)
    {
        if (!HubText.IsWellFormed(value))
        {
            throw Invalid($"The {what} of VM '{shown}'{where} has an unpaired surrogate character, which cannot be stored as UTF-8.");
        }

        int length = HubText.CodePointLength(value);
        if (length > limit)
        {
            throw new SendenseException(SendenseErrorCode.VMValueTooLong,
                $"The {what} of VM '{shown}'{where} is {length.ToString(CultureInfo.InvariantCulture)} characters long; the hub stores at most {limit.ToString(CultureInfo.InvariantCulture)}. Rename the VM in vCenter (nothing was written for it).");
        }
    }

    private static SendenseException Invalid(string message) => new SendenseException(SendenseErrorCode.VMInvalid, message);
}
