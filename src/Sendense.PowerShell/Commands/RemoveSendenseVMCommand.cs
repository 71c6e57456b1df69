using Sendense.Core.VMs;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Removes VMs from hub management.</para>
/// <para type="description">Deletes the VMs' contexts; the hub schema's cascades remove their disks, group
/// memberships and job rows with them. A VM with a running replication or backup job, or one that is failed over,
/// is left alone unless -Force is given.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SendenseVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.Name)]
[OutputType(typeof(void))]
public sealed class RemoveSendenseVMCommand : HubCmdlet
{
    private const string ContextIdSet = "ContextId";

    private readonly List<VMRemoveItem> _items = new List<VMRemoveItem>();

    /// <summary>VMs from Get-SendenseVM, Get-SendenseUngroupedVM or Add-SendenseVM.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    [ValidateNotNull]
    public VM[] InputObject { get; set; } = Array.Empty<VM>();

    /// <summary>Context ids (exact).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ContextIdSet)]
    [ValidateNotNullOrEmpty]
    public string[] ContextId { get; set; } = Array.Empty<string>();

    /// <summary>VM names (vm_name); wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Name)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VMNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Only VMs of this vCenter (vcenter_host); wildcards allowed.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Name)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(VCenterCompleter))]
    public string? VCenter { get; set; }

    /// <summary>Also removes VMs with a running job or in a failover state (their job rows are deleted with them).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ParameterSets.InputObject:
                _items.AddRange(InputObject.Where(vm => vm is not null).Select(vm => VMRemoveItem.ForContextId(vm.ContextId, vm)));
                break;
            case ContextIdSet:
                _items.AddRange(ContextId.Select(id => VMRemoveItem.ForContextId(id, id)));
                break;
            default:
                _items.AddRange(Name.Select(name => VMRemoveItem.ForName(name, VCenter, name)));
                break;
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_items.Count == 0)
        {
            return;
        }

        HubConnection hub = ResolveHub();
        var request = new VMRemoveRequest { Items = _items, Force = Force.IsPresent };
        RunEach<VM>((observer, token) => Services.VMs(hub).RemoveAsync(request, observer, token), hub);
    }
}
