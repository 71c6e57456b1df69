using Sendense.Core.VMs;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Lists the VMs the hub manages.</para>
/// <para type="description">Reads vm_replication_contexts with one query, ordered by name, with the names of each
/// VM's protection groups. Every filter narrows the result; -Name, -VCenter, -Datacenter and -ProtectionGroup take
/// wildcards. As Get-VM does, a name without wildcards (or a context id) that matches nothing is an error.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseVM", DefaultParameterSetName = ParameterSets.Filter)]
[OutputType(typeof(VM))]
public sealed class GetSendenseVMCommand : VMQueryCmdlet
{
    /// <summary>Only VMs in a protection group with one of these names; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public string[] ProtectionGroup { get; set; } = Array.Empty<string>();

    /// <inheritdoc />
    protected override void Shape(VMQuery query)
    {
        query.ProtectionGroups = ProtectionGroup;
        query.ReportMisses = true;
    }
}
