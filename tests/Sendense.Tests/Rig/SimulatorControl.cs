using System.Text.Json.Serialization;

namespace Sendense.Tests.Rig;

/// <summary>The power states the simulator's control channel can set.</summary>
public enum SimulatorPowerState
{
    /// <summary>poweron.</summary>
    PoweredOn,

    /// <summary>poweroff.</summary>
    PoweredOff,

    /// <summary>suspend.</summary>
    Suspended,
}

/// <summary>The simulator answered a control command with ERR.</summary>
public sealed class SimulatorCommandException : Exception
{
    /// <summary>Creates the exception for a refused command.</summary>
    public SimulatorCommandException(string command, string reason)
        : base($"The simulator refused '{command}': {reason}")
    {
        Command = command;
        Reason = reason;
    }

    /// <summary>The command line sent.</summary>
    public string Command { get; }

    /// <summary>The simulator's message (after "ERR ").</summary>
    public string Reason { get; }
}

/// <summary>The answer of <c>info</c>: what vCenter holds for one VM.</summary>
public sealed record SimulatorVMInfo
{
    /// <summary>vm-42.</summary>
    public string MoRef { get; init; } = string.Empty;

    /// <summary>The VM's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>config.uuid (the hub's vmware_vm_id).</summary>
    public string BiosUuid { get; init; } = string.Empty;

    /// <summary>config.instanceUuid.</summary>
    public string InstanceUuid { get; init; } = string.Empty;

    /// <summary>poweredOn, poweredOff or suspended.</summary>
    public string PowerState { get; init; } = string.Empty;

    /// <summary>config.hardware.numCPU.</summary>
    public int NumCpu { get; init; }

    /// <summary>config.hardware.memoryMB.</summary>
    public int MemoryMB { get; init; }

    /// <summary>config.template.</summary>
    public bool Template { get; init; }

    /// <summary>The VM's virtual disks.</summary>
    public IReadOnlyList<SimulatorDisk> Disks { get; init; } = Array.Empty<SimulatorDisk>();
}

/// <summary>One virtual disk of <see cref="SimulatorVMInfo"/>.</summary>
public sealed record SimulatorDisk
{
    /// <summary>Device key.</summary>
    public int Key { get; init; }

    /// <summary>deviceInfo.label (the simulator labels disks disk-&lt;controller&gt;-&lt;unit&gt;).</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>capacityInKB.</summary>
    public long CapacityKB { get; init; }

    /// <summary>capacityInBytes, or capacityInKB × 1024 where the simulator left it 0.</summary>
    public long CapacityBytes { get; init; }

    /// <summary>The backing's "[datastore] folder/file.vmdk".</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>Thin provisioned.</summary>
    public bool Thin { get; init; }

    /// <summary>The controller's device key.</summary>
    public int ControllerKey { get; init; }

    /// <summary>Unit number on the controller.</summary>
    public int UnitNumber { get; init; }
}

/// <summary>The answer of <c>adddisk</c>.</summary>
public sealed record SimulatorNewDisk
{
    /// <summary>The VM's moref.</summary>
    public string MoRef { get; init; } = string.Empty;

    /// <summary>The new device key.</summary>
    public int Key { get; init; }

    /// <summary>The new disk's label.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>capacityInKB.</summary>
    public long CapacityKB { get; init; }

    /// <summary>The new disk's file.</summary>
    public string FileName { get; init; } = string.Empty;
}

/// <summary>One row of <c>list</c>.</summary>
public sealed record SimulatorVMName
{
    /// <summary>vm-42.</summary>
    public string MoRef { get; init; } = string.Empty;

    /// <summary>The VM's name.</summary>
    public string Name { get; init; } = string.Empty;
}

/// <summary>The answer of <c>list</c>.</summary>
public sealed record SimulatorVMList
{
    /// <summary>Every VM and template.</summary>
    [JsonPropertyName("vms")]
    public IReadOnlyList<SimulatorVMName> VMs { get; init; } = Array.Empty<SimulatorVMName>();
}

/// <summary>The answer of <c>stats</c>, <c>fail</c>, <c>freeze</c> and <c>delay</c>: the fault layer's state.</summary>
public sealed record SimulatorFaultStats
{
    /// <summary>Requests of clients under test to /sdk so far (the launcher's own are not counted).</summary>
    public long Requests { get; init; }

    /// <summary>Of those, answered with an injected status.</summary>
    public long Failed { get; init; }

    /// <summary>Requests still to fail.</summary>
    public int FailLeft { get; init; }

    /// <summary>The status they will get.</summary>
    public int FailStatus { get; init; }

    /// <summary>Delay added to every request, in ms.</summary>
    public long DelayMs { get; init; }

    /// <summary>How much longer requests are held, in ms.</summary>
    public long FrozenMs { get; init; }
}
