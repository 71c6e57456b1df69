using System.Management.Automation;
using Sendense.Core.VMs;
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
public sealed class GetSendenseVMCommand : VMQueryCmdlet
{
    /// <summary>Only VMs in a protection group with one of these names; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public string[] ProtectionGroup { get; set; } = System.Array.Empty<string>();

    /// <inheritdoc />
    protected override void Shape(VMFilter filter) => filter.ProtectionGroups = ProtectionGroup;

    /// <inheritdoc />
    protected override void AfterOutput(HubConnection hub, VMFilter filter, IReadOnlyList<VM> vms)
    {
        // As Get-VM does: a literal name or id that matches nothing is an error; a wildcard that matches nothing is not.
        foreach (var (value, error) in VMLookupMisses.NotFound(filter, vms, hub.ToString()))
        {
            WriteSendenseError(error, value);
        }
    }
}
