namespace Sendense;

/// <summary>What Add-SendenseVM did with one VM.</summary>
public enum VMAddResult
{
    /// <summary>A new context (and its disks) was written.</summary>
    Added,

    /// <summary>The VM was already managed; descriptive columns or disks changed.</summary>
    Refreshed,

    /// <summary>The VM was already managed and nothing changed.</summary>
    Unchanged,

    /// <summary>Update-SendenseVM: the VM is gone from its vCenter (reported, not deleted, unless -RemoveMissing).</summary>
    Missing,

    /// <summary>Update-SendenseVM -RemoveMissing: the VM was gone from its vCenter and was removed from the hub.</summary>
    Removed,
}
