using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Sendense.Core.Errors;
using Sendense.Core.Management;
using Sendense.Hub.Management;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Lists the VMs the hub manages.</para>
/// <para type="description">Reads vm_replication_contexts with one query, ordered by name, with the names of each
/// VM's protection groups. Every filter narrows the result; -Name, -VCenter, -Datacenter and -ProtectionGroup take
/// wildcards.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseVM", DefaultParameterSetName = "Filter")]
[OutputType(typeof(VM))]
public sealed class GetSendenseVMCommand : HubCmdlet
{
    private readonly List<string> _names = new List<string>();
    private readonly List<string> _contextIds = new List<string>();

    /// <summary>VM names (vm_name); wildcards allowed.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VMNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>vCenter names (vcenter_host); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VCenterCompleter))]
    public string[] VCenter { get; set; } = System.Array.Empty<string>();

    /// <summary>Datacenter names; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DatacenterCompleter))]
    public string[] Datacenter { get; set; } = System.Array.Empty<string>();

    /// <summary>Hub status (current_status).</summary>
    [Parameter]
    [ValidateSet("discovered", "replicating", "ready_for_failover", "failed_over_test", "failed_over_live", "completed", "failed", "cleanup_required")]
    public string[] Status { get; set; } = System.Array.Empty<string>();

    /// <summary>Power state.</summary>
    [Parameter]
    [ValidateSet("poweredOn", "poweredOff", "suspended", "unknown")]
    public string[] PowerState { get; set; } = System.Array.Empty<string>();

    /// <summary>Only VMs in a protection group with one of these names; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] ProtectionGroup { get; set; } = System.Array.Empty<string>();

    /// <summary>Context ids (exact).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] ContextId { get; set; } = System.Array.Empty<string>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        _names.AddRange(Name);
        _contextIds.AddRange(ContextId);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        HubConnection hub = ResolveHub();
        var filter = new VMFilter
        {
            Names = _names.Distinct(System.StringComparer.Ordinal).ToArray(),
            VCenters = VCenter,
            Datacenters = Datacenter,
            Statuses = Status,
            PowerStates = PowerState,
            ProtectionGroups = ProtectionGroup,
            ContextIds = _contextIds.Distinct(System.StringComparer.Ordinal).ToArray(),
        };

        IReadOnlyList<VM> vms;
        try
        {
            vms = Await(token => VMQueryEngine.GetAsync(hub, filter, token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, hub);
            return;
        }

        foreach (VM vm in vms)
        {
            WriteObject(vm);
        }

        foreach (var (value, error) in VMFilterParameters.NotFound(filter, vms, hub.ToString()))
        {
            WriteSendenseError(error, value);
        }

        base.EndProcessing();
    }
}
