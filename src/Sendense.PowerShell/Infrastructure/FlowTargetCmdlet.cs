using Sendense.Core.Flows;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the flow cmdlets that take targets (New- and Get-SendenseProtectionFlow): what -VM brings, record by
/// record (VMs, and ProtectionGroup objects piped with them), then -ProtectionGroup once, read by
/// <see cref="FlowInput"/> into one list in that order. Each cmdlet declares the two parameters itself: their
/// declarations differ (New- marks them AllowNull and AllowEmptyCollection, as its "targets given, none arrived"
/// rule reads them), and one declaration here would change Get-'s parameter metadata.
/// </summary>
public abstract class FlowTargetCmdlet : FlowCmdlet
{
    private readonly List<FlowTargetReference> _targets = new List<FlowTargetReference>();

    /// <summary>The -VM argument of the current record.</summary>
    protected abstract IEnumerable<PSObject?>? VMArgument { get; }

    /// <summary>The -ProtectionGroup argument.</summary>
    protected abstract IEnumerable<PSObject?>? GroupArgument { get; }

    /// <inheritdoc />
    protected override void ProcessRecord() => FlowInput.CollectVMs(VMArgument, _targets);

    /// <summary>Every target: all that -VM brought, then the -ProtectionGroup ones. Called once, at the end.</summary>
    protected IReadOnlyList<FlowTargetReference> CollectTargets()
    {
        FlowInput.CollectGroups(GroupArgument, _targets);
        return _targets;
    }
}
