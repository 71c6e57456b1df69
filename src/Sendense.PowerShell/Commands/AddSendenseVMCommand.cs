using Sendense.Core.Discovery;
using Sendense.Core.VMs;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Adds discovered VMs to hub management, or refreshes the ones already managed.</para>
/// <para type="description">Collects every VM from the pipeline and writes them to the hub's
/// vm_replication_contexts and vm_disks tables in batches, one transaction per batch, exactly as the hub's own
/// discovery writes them. A VM the hub already manages (same vCenter and BIOS uuid) is refreshed, never duplicated.
/// PowerCLI VirtualMachine objects (or names) are first discovered from their vCenter to get the full metadata.
/// Outputs one Sendense.VM per input with Result Added, Refreshed or Unchanged.</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "SendenseVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = ParameterSets.InputObject)]
[OutputType(typeof(VM))]
public sealed class AddSendenseVMCommand : VMWriteCmdlet
{
    /// <summary>Type name the Add view (with its Result column) is selected by.</summary>
    internal const string AddResultView = "Sendense.VM#AddResult";

    private const string IdentitySet = "Identity";

    private readonly List<DiscoveredVM> _inputs = new List<DiscoveredVM>();
    private readonly List<VMIdentityRequest> _identities = new List<VMIdentityRequest>();

    /// <summary>VMs from Invoke-SendenseVMDiscovery, also after Export-Clixml/Import-Clixml or ConvertTo-Json/ConvertFrom-Json.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    [DiscoveredVMTransformation]
    [ValidateNotNull]
    public DiscoveredVM[] InputObject { get; set; } = Array.Empty<DiscoveredVM>();

    /// <summary>A VM name (exact), or the Name of a piped PowerCLI VirtualMachine object.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdentitySet)]
    [ValidateNotNullOrEmpty]
    [Alias("VMName")]
    [ArgumentCompleter(typeof(VMNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>PowerCLI's Id (VirtualMachine-vm-123) or a MoRef (vm-123): names the VM precisely.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdentitySet)]
    [Alias("MoRef")]
    public string? Id { get; set; }

    /// <summary>PowerCLI's PersistentId: the VM's instance uuid.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdentitySet)]
    [Alias("InstanceUuid")]
    public string? PersistentId { get; set; }

    /// <summary>PowerCLI's Uid (/VIServer=user@vc01:443/VirtualMachine=VirtualMachine-vm-123/): vCenter and MoRef.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdentitySet)]
    public string? Uid { get; set; }

    /// <summary>The vCenter to discover the named VMs in (with -Credential).</summary>
    [Parameter(ParameterSetName = IdentitySet)]
    [ValidateNotNullOrEmpty]
    public string? VCenter { get; set; }

    /// <summary>vCenter user and password for -VCenter.</summary>
    [Parameter(ParameterSetName = IdentitySet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>A PowerCLI VIServer object whose session is reused (never logged out) to discover the named VMs.</summary>
    [Parameter(ParameterSetName = IdentitySet)]
    [ValidateNotNull]
    public PSObject? VIServer { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ParameterSets.InputObject)
        {
            _inputs.AddRange(InputObject.Where(vm => vm is not null));
            return;
        }

        foreach (string name in Name)
        {
            // Id, PersistentId and Uid describe one piped object; with several -Name values only names apply. The error
            // target is what names the VM most precisely (a compiled cmdlet cannot see the object it binds by property).
            bool single = Name.Length == 1;
            string target = single ? Uid ?? Id ?? PersistentId ?? name : name;
            VMIdentityRequest? input = VMIdentityRequest.From(name, single ? Id : null, single ? PersistentId : null, single ? Uid : null, target);
            if (input is null)
            {
                WriteError(ErrorRecords.Create(new SendenseException(SendenseErrorCode.VMInvalid,
                    "The input names no VM: give a name, or pipe PowerCLI VirtualMachine objects (Get-VM)."), target));
                continue;
            }

            _identities.Add(input);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_inputs.Count == 0 && _identities.Count == 0)
        {
            return;
        }

        HubConnection hub = ResolveHub();
        var request = new VMAddRequest
        {
            VMs = _inputs,
            Identities = _identities,
            Access = _identities.Count == 0 ? new VCenterAccess() : Access(VCenter, Credential, VIServer, VCenterCredential),
            Credential = VCenterCredential,
            BatchSize = BatchSize,
            WhatIf = WhatIfMode.IsOn(this),
        };
        RunWrite((observer, token) => Services.VMs(hub).AddAsync(request, observer, token), hub, AddResultView);
    }
}
