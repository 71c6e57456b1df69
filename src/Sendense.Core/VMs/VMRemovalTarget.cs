namespace Sendense.Core.VMs;

/// <summary>A managed VM that Remove-SendenseVM resolved, and whether it is too busy to remove without -Force.</summary>
public sealed class VMRemovalTarget
{
    /// <summary>Creates a target.</summary>
    public VMRemovalTarget(VM vm, string? busyReason)
    {
        VM = vm;
        BusyReason = busyReason;
    }

    /// <summary>The VM as the hub has it, with its groups (the memberships the removal cascades away).</summary>
    public VM VM { get; }

    /// <summary>Why the VM is busy (see <see cref="VMBusyRule"/>), or null.</summary>
    public string? BusyReason { get; }
}

/// <summary>How removing one context ended.</summary>
public enum VMRemovalResult
{
    /// <summary>The context (and, by the schema's cascades, its disks, memberships and jobs) is gone.</summary>
    Removed,

    /// <summary>It became busy between resolving and removing; left alone.</summary>
    Busy,

    /// <summary>Someone else removed it first.</summary>
    AlreadyGone,
}
