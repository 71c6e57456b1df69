namespace Sendense.Core.VMs;

/// <summary>
/// What the hub database said about one batch of candidates. Every comparison in here was made by MariaDB with
/// the columns' own collation (case-insensitive, trailing spaces ignored), so the planner never has to guess how
/// utf8mb4_general_ci folds a name.
/// </summary>
public sealed class VMAddFacts
{
    /// <summary>The database server's clock when the batch was planned.</summary>
    public DateTime DatabaseNow { get; set; }

    /// <summary>Candidate index → context whose (vcenter_host, vmware_vm_id) equals the candidate's.</summary>
    public Dictionary<int, string> ByUuid { get; } = new Dictionary<int, string>();

    /// <summary>Candidate index → context whose (vcenter_host, vm_name) equals the candidate's.</summary>
    public Dictionary<int, string> ByName { get; } = new Dictionary<int, string>();

    /// <summary>
    /// Candidate index → the context ids whose use <see cref="PlainIdTaken"/> and <see cref="SuffixedIdTaken"/> report,
    /// as the reader computed them (one SHA-256 per VM, not two); the planner computes those it does not find here.
    /// </summary>
    public Dictionary<int, ContextIdCandidates> ContextIds { get; } = new Dictionary<int, ContextIdCandidates>();

    /// <summary>Candidates whose plain context id is already used by a row.</summary>
    public HashSet<int> PlainIdTaken { get; } = new HashSet<int>();

    /// <summary>Candidates whose suffixed context id is already used by a row.</summary>
    public HashSet<int> SuffixedIdTaken { get; } = new HashSet<int>();

    /// <summary>Groups of candidates (indices, ascending) with equal (vcenter_host, vmware_vm_id).</summary>
    public List<int[]> SameUuid { get; } = new List<int[]>();

    /// <summary>Groups of candidates with equal (vcenter_host, vm_name).</summary>
    public List<int[]> SameName { get; } = new List<int[]>();

    /// <summary>Groups of candidates with equal plain context ids.</summary>
    public List<int[]> SamePlainId { get; } = new List<int[]>();

    /// <summary>Groups of candidates with equal suffixed context ids.</summary>
    public List<int[]> SameSuffixedId { get; } = new List<int[]>();

    /// <summary>The rows referred to above, by context id, with their groups and disks.</summary>
    public Dictionary<string, ExistingContext> Contexts { get; } = new Dictionary<string, ExistingContext>(StringComparer.Ordinal);
}

/// <summary>
/// The two context ids a new VM may get, computed before asking the hub which are free. A class, not a struct: a
/// dictionary of them then runs the runtime's shared, precompiled code instead of code JIT-compiled for this type on a
/// process's first add.
/// </summary>
public sealed class ContextIdCandidates
{
    /// <summary>Computes both forms for a candidate at a given database time.</summary>
    public ContextIdCandidates(HubVMValues values, DateTime databaseNow)
    {
        string stamp = ContextIdRule.Stamp(databaseNow);
        Plain = ContextIdRule.Plain(values.VMName, stamp);
        Suffixed = ContextIdRule.WithSuffix(values.VMName, values.VCenterHost, values.VMwareVMId, stamp);
    }

    /// <summary>The upstream form, null when longer than 64 characters.</summary>
    public string? Plain { get; }

    /// <summary>The shortened form with the identity suffix.</summary>
    public string Suffixed { get; }
}
