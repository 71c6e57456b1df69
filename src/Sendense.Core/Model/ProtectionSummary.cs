namespace Sendense;

/// <summary>
/// The protection of one datacenter of one vCenter, the question an admin asks first: how many managed VMs are
/// grouped, protected, partial and unprotected, and how old the oldest last backup of a protected VM is.
/// Output of Get-SendenseProtectionSummary, one per vCenter and datacenter.
/// </summary>
public sealed class ProtectionSummary
{
    /// <summary>vcenter_host.</summary>
    public string VCenter { get; set; } = string.Empty;

    /// <summary>datacenter.</summary>
    public string Datacenter { get; set; } = string.Empty;

    /// <summary>VMs the hub manages there.</summary>
    public int Managed { get; set; }

    /// <summary>Of those, VMs in at least one protection group.</summary>
    public int Grouped { get; set; }

    /// <summary>VMs with ProtectionStatus Protected.</summary>
    public int Protected { get; set; }

    /// <summary>VMs with ProtectionStatus Partial.</summary>
    public int Partial { get; set; }

    /// <summary>VMs with ProtectionStatus Unprotected.</summary>
    public int Unprotected { get; set; }

    /// <summary>Protected VMs that have no completed backup yet.</summary>
    public int ProtectedNeverBackedUp { get; set; }

    /// <summary>The oldest last completed backup among the protected VMs that have one (hub server time).</summary>
    public DateTime? OldestLastBackup { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{VCenter}/{Datacenter}";
}
