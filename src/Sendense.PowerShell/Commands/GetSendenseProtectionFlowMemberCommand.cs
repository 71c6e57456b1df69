namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the machines a protection flow backs up, as the hub's engine resolves them.</para>
/// <para type="description">A VM flow has its VM (when it still exists); a group flow has the group's enabled
/// memberships only, as the engine and the hub GUI resolve them. Each machine comes with its disk count and size and
/// its completed backups in the flow's repository (count, bytes, last one), all in one query. Without -Flow, the
/// machines of every flow.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionFlowMember")]
[OutputType(typeof(ProtectionFlowMember))]
public sealed class GetSendenseProtectionFlowMemberCommand : FlowSelectionCmdlet
{
    /// <summary>Only machines with these VM names; wildcards allowed.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(VMNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <inheritdoc />
    protected override void EndProcessing() =>
        RunFlows<ProtectionFlowMember>((flows, observer, token) => flows.GetMembersAsync(SelectedFlows, Name, observer, token), Flow);
}
