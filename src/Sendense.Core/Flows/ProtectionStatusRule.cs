namespace Sendense.Core.Flows;

/// <summary>
/// The protection status rule (docs/protection-flows.md): Protected when at least one path reaches the VM with every
/// switch on (an enabled backup flow with an enabled repository, directly or through an enabled membership of its
/// target group; or an enabled membership of a group whose replication schedule exists and is enabled); Partial when
/// the VM is grouped or flowed but no path is on; Unprotected when nothing reaches it. Pure, so a matrix of cases in
/// xUnit pins it; the store only reports the paths.
/// </summary>
public static class ProtectionStatusRule
{
    /// <summary>The status the paths of one VM add up to.</summary>
    public static ProtectionStatus Of(IEnumerable<ProtectionPath> paths)
    {
        bool any = false;
        foreach (ProtectionPath path in paths ?? throw new ArgumentNullException(nameof(paths)))
        {
            if (path.Protects)
            {
                return ProtectionStatus.Protected;
            }

            any = true;
        }

        return any ? ProtectionStatus.Partial : ProtectionStatus.Unprotected;
    }
}
