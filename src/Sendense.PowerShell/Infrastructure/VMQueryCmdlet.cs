using Sendense.Core.VMs;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of Get-SendenseVM and Get-SendenseUngroupedVM: the filters they share, collected from the pipeline. Each
/// cmdlet only says which VMs it wants (<see cref="Shape"/>); both run VMService.GetAsync.
/// </summary>
public abstract class VMQueryCmdlet : HubCmdlet
{
    private readonly List<string> _names = new List<string>();
    private readonly List<string> _contextIds = new List<string>();

    /// <summary>VM names (vm_name); wildcards allowed.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VMNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>vCenter names (vcenter_host); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VCenterCompleter))]
    public string[] VCenter { get; set; } = Array.Empty<string>();

    /// <summary>Datacenter names; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DatacenterCompleter))]
    public string[] Datacenter { get; set; } = Array.Empty<string>();

    /// <summary>Hub status (current_status).</summary>
    [Parameter]
    [ValidateSet("discovered", "replicating", "ready_for_failover", "failed_over_test", "failed_over_live", "completed", "failed", "cleanup_required")]
    public string[] Status { get; set; } = Array.Empty<string>();

    /// <summary>Power state.</summary>
    [Parameter]
    [ValidateSet("poweredOn", "poweredOff", "suspended", "unknown")]
    public string[] PowerState { get; set; } = Array.Empty<string>();

    /// <summary>Context ids (exact).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] ContextId { get; set; } = Array.Empty<string>();

    /// <summary>Only VMs with this protection status (Protected, Partial, Unprotected; rule in about_Sendense).</summary>
    [Parameter]
    public ProtectionStatus[] ProtectionStatus { get; set; } = Array.Empty<ProtectionStatus>();

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
        var query = new VMQuery
        {
            Names = _names.Distinct(StringComparer.Ordinal).ToArray(),
            VCenters = VCenter,
            Datacenters = Datacenter,
            Statuses = Status,
            PowerStates = PowerState,
            ContextIds = _contextIds.Distinct(StringComparer.Ordinal).ToArray(),
            IncludeProtection = true,
            ProtectionStatuses = ProtectionStatus,
        };
        Shape(query);
        RunEach<VM>((observer, token) => Services.VMs(hub).GetAsync(query, observer, token), hub);
    }

    /// <summary>Adds what only this cmdlet filters on.</summary>
    protected abstract void Shape(VMQuery query);
}
