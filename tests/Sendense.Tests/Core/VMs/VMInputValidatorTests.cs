using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

public sealed class VMInputValidatorTests
{
    [Fact]
    public void Maps_a_discovered_VM_to_the_values_upstream_writes()
    {
        DiscoveredVM vm = TestVMs.Make("web01", uuid: "4203a8c1-1111-2222-3333-444455556666", guest: "CentOS 7 (64-bit)");
        vm.Disks[1].ThinProvisioned = null;
        vm.Disks[1].UnitNumber = null;

        HubVMValues values = VMInputValidator.Validate(vm);

        Assert.Equal("web01", values.VMName);
        Assert.Equal("4203a8c1-1111-2222-3333-444455556666", values.VMwareVMId);
        Assert.Equal("/DC0/vm/web01", values.VMPath);
        Assert.Equal(TestVMs.VCenter, values.VCenterHost);
        Assert.Equal("DC0", values.Datacenter);
        Assert.Equal("linux", values.OsType);
        Assert.Equal("vmx-19", values.VMToolsVersion);
        Assert.Equal("poweredOn", values.PowerState);
        Assert.Equal(2, values.CpuCount);
        Assert.Equal(4096, values.MemoryMB);
        HubDiskValues first = values.Disks[0];
        Assert.Equal("disk-2000", first.DiskId);
        Assert.Equal("[LocalDS_0] web01/web01.vmdk", first.Path);
        Assert.Equal("LocalDS_0", first.Datastore);
        Assert.Equal(11, first.SizeGB); // 10 GiB + 512 bytes rounds up
        Assert.Equal(0, first.UnitNumber);
        Assert.Equal("thin", first.ProvisioningType);
        Assert.Equal("Hard disk 1", first.Label);
        Assert.Equal(0, values.Disks[1].UnitNumber); // unknown: 0, never NULL (upstream's reader is a Go int)
        Assert.Equal("unknown", values.Disks[1].ProvisioningType);
    }

    [Fact]
    public void Stores_the_escaped_inventory_name_and_falls_back_to_Name()
    {
        DiscoveredVM vm = TestVMs.Make("a/b");
        vm.InventoryName = "a%2fb";
        Assert.Equal("a%2fb", VMInputValidator.Validate(vm).VMName);
        vm.InventoryName = string.Empty;
        Assert.Equal("a/b", VMInputValidator.Validate(vm).VMName);
    }

    [Fact]
    public void Falls_back_to_the_MoRef_without_a_BIOS_uuid_as_upstream_does()
    {
        DiscoveredVM vm = TestVMs.Make("noconfig");
        vm.BiosUuid = string.Empty;
        vm.MoRef = "vm-123";
        Assert.Equal("vm-123", VMInputValidator.Validate(vm).VMwareVMId);
    }

    [Fact]
    public void A_255_character_name_is_accepted_counting_emoji_once_and_256_is_refused()
    {
        string name255 = new string('n', 200) + string.Concat(Enumerable.Repeat("\U0001F600", 55));
        Assert.Equal(name255, VMInputValidator.Validate(TestVMs.Make(name255)).VMName);

        var error = Assert.Throws<SendenseException>(() => VMInputValidator.Validate(TestVMs.Make(name255 + "x")));
        Assert.Equal(SendenseErrorCode.VMValueTooLong, error.Code);
        Assert.Contains("256 characters", error.Message);
        Assert.Contains("at most 255", error.Message);
    }

    [Fact]
    public void Refuses_templates()
    {
        DiscoveredVM vm = TestVMs.Make("tmpl");
        vm.IsTemplate = true;
        Assert.Equal(SendenseErrorCode.VMIsTemplate, Assert.Throws<SendenseException>(() => VMInputValidator.Validate(vm)).Code);
    }

    [Theory]
    [InlineData("VCenter")]
    [InlineData("Datacenter")]
    [InlineData("Path")]
    [InlineData("Name")]
    [InlineData("Uuid")]
    public void Refuses_a_VM_without_a_value_the_hub_requires(string missing)
    {
        DiscoveredVM vm = TestVMs.Make("x");
        switch (missing)
        {
            case "VCenter": vm.VCenter = string.Empty; break;
            case "Datacenter": vm.Datacenter = string.Empty; break;
            case "Path": vm.Path = string.Empty; break;
            case "Name": vm.Name = string.Empty; vm.InventoryName = string.Empty; break;
            default: vm.BiosUuid = string.Empty; vm.MoRef = string.Empty; break;
        }

        Assert.Equal(SendenseErrorCode.VMInvalid, Assert.Throws<SendenseException>(() => VMInputValidator.Validate(vm)).Code);
    }

    [Fact]
    public void Refuses_a_path_over_500_characters_and_lone_surrogates()
    {
        DiscoveredVM longPath = TestVMs.Make("p", folder: new string('f', 495));
        Assert.Equal(SendenseErrorCode.VMValueTooLong, Assert.Throws<SendenseException>(() => VMInputValidator.Validate(longPath)).Code);
        Assert.Equal(SendenseErrorCode.VMInvalid, Assert.Throws<SendenseException>(() => VMInputValidator.Validate(TestVMs.Make("bad\uD800name"))).Code);
    }

    [Fact]
    public void Refuses_duplicate_disk_keys()
    {
        DiscoveredVM vm = TestVMs.Make("dup");
        vm.Disks[1].Key = vm.Disks[0].Key;
        Assert.Equal(SendenseErrorCode.VMInvalid, Assert.Throws<SendenseException>(() => VMInputValidator.Validate(vm)).Code);
    }
}
