namespace Sendense;

/// <summary>
/// Whether the hub will back a VM up without anyone doing anything (docs/protection-flows.md has the rule and why;
/// <see cref="Sendense.Core.Flows.ProtectionStatusRule"/> decides it).
/// </summary>
public enum ProtectionStatus
{
    /// <summary>No protection group and no protection flow reaches the VM.</summary>
    Unprotected,

    /// <summary>Grouped or flowed, but every path that reaches the VM is disabled somewhere (flow, membership, repository, schedule).</summary>
    Partial,

    /// <summary>An enabled path reaches the VM: an enabled backup flow with an enabled repository, or an enabled membership of a group on an enabled schedule.</summary>
    Protected,
}
