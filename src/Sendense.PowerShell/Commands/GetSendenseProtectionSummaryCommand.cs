namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Summarises, per vCenter and datacenter, how many managed VMs are grouped, protected, partial and unprotected.</para>
/// <para type="description">One query reads every managed VM's protection paths and newest completed backup; the
/// protection status rule (about_Sendense, docs/protection-flows.md) decides each VM, as Get-SendenseVM shows it.
/// OldestLastBackup is the oldest last backup among the protected VMs that have one; ProtectedNeverBackedUp counts
/// those without any.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionSummary")]
[OutputType(typeof(ProtectionSummary))]
public sealed class GetSendenseProtectionSummaryCommand : FlowCmdlet
{
    /// <summary>Only these vCenters; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(VCenterCompleter))]
    public string[] VCenter { get; set; } = Array.Empty<string>();

    /// <summary>Only these datacenters; wildcards allowed.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DatacenterCompleter))]
    public string[] Datacenter { get; set; } = Array.Empty<string>();

    /// <inheritdoc />
    protected override void EndProcessing() =>
        RunFlows<ProtectionSummary>((flows, observer, token) => flows.GetSummaryAsync(VCenter, Datacenter, observer, token), null);
}
