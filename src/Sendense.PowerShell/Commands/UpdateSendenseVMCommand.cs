using Sendense.Core.Refresh;
using Sendense.Core.VMs;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Refreshes managed VMs from their vCenters: names, power state, size, disks, and VMs that are gone.</para>
/// <para type="description">Reads only the managed VMs from each vCenter (by BIOS uuid), several vCenters at once, and
/// writes what changed in batches, one transaction each, as Add-SendenseVM does: new disks are added, rows of disks
/// gone from vCenter are deleted when no job owns them (job-owned ones are kept and reported). The hub's job state
/// (current_status, job counters) is never touched. A VM gone from vCenter is output with Result Missing and left in
/// the hub unless -RemoveMissing is given. Each vCenter is logged in to with the stored credential its VMs record,
/// unless -Credential, -VCenterCredential or -VIServer says otherwise. A vCenter that cannot be reached gives one
/// error record and its VMs are left as they are.</para>
/// </summary>
[Cmdlet(VerbsData.Update, "SendenseVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Filter)]
[OutputType(typeof(VM))]
public sealed class UpdateSendenseVMCommand : VMWriteCmdlet
{
    /// <summary>Type name the refresh view (with its Result column) is selected by.</summary>
    internal const string RefreshResultView = "Sendense.VM#RefreshResult";

    private readonly List<string> _contextIds = new List<string>();

    /// <summary>Managed VMs from Get-SendenseVM, Get-SendenseUngroupedVM or Add-SendenseVM.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    [ValidateNotNull]
    public VM[] InputObject { get; set; } = Array.Empty<VM>();

    /// <summary>Only managed VMs with these names (vm_name); wildcards allowed. Without -Name and -VCenter, every managed VM.</summary>
    [Parameter(Position = 0, ParameterSetName = ParameterSets.Filter)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VMNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Only managed VMs of these vCenters (vcenter_host; wildcards allowed); with -Credential, the vCenter to log in to.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VCenterCompleter))]
    public string[]? VCenter { get; set; }

    /// <summary>vCenter user and password (with one -VCenter) instead of the stored credentials.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>A PowerCLI VIServer object whose session is reused (never logged out).</summary>
    [Parameter]
    [ValidateNotNull]
    public PSObject? VIServer { get; set; }

    /// <summary>Removes VMs gone from vCenter from the hub (high impact; busy VMs are refused as Remove-SendenseVM refuses them).</summary>
    [Parameter]
    public SwitchParameter RemoveMissing { get; set; }

    /// <summary>vCenters read at once (4 by default).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = VCenterFanOut.DefaultThrottleLimit;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ParameterSets.InputObject)
        {
            _contextIds.AddRange(InputObject.Where(vm => vm is not null && vm.ContextId.Length > 0).Select(vm => vm.ContextId));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ParameterSetName == ParameterSets.InputObject && _contextIds.Count == 0)
        {
            return;
        }

        if (new object?[] { Credential, VCenterCredential, VIServer }.Count(o => o is not null) > 1 || (Credential is not null && VCenter is not { Length: 1 }))
        {
            Stop(new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                "Give one way into vCenter: -VCenter <one vCenter> -Credential <PSCredential>, -VCenterCredential <stored credential>, or -VIServer " +
                "<PowerCLI session>; without any, each VM's stored credential is used."), Credential ?? (object?)VCenterCredential ?? VIServer);
        }

        HubConnection hub = ResolveHub();
        bool explicitAccess = Credential is not null || VCenterCredential is not null || VIServer is not null;
        var request = new RefreshRequest
        {
            Query = ParameterSetName == ParameterSets.InputObject
                ? new VMQuery { ContextIds = _contextIds.Distinct(StringComparer.Ordinal).ToArray(), VCenters = VCenter ?? Array.Empty<string>(), ReportMisses = true }
                : new VMQuery { Names = Name ?? Array.Empty<string>(), VCenters = VCenter ?? Array.Empty<string>(), ReportMisses = true },
            Access = explicitAccess ? Access(VCenter?[0], Credential, VIServer, VCenterCredential) : null,
            Settings = Access(null, null, null, null),
            RemoveMissing = RemoveMissing.IsPresent,
            BatchSize = BatchSize,
            ThrottleLimit = ThrottleLimit,
            WhatIf = WhatIfMode.IsOn(this),
        };
        RunWrite((observer, token) => Services.Refresh(hub).RefreshAsync(request, observer, token), hub, RefreshResultView);
    }
}
