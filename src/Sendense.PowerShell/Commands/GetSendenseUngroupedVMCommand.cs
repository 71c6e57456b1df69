using Sendense.Core.VMs;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Lists the managed VMs that are in no protection group.</para>
/// <para type="description">Runs the hub's own ungrouped query (contexts with no membership) as one query, ordered
/// by name, with the same filters as Get-SendenseVM.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseUngroupedVM")]
[OutputType(typeof(VM))]
public sealed class GetSendenseUngroupedVMCommand : VMQueryCmdlet
{
    /// <inheritdoc />
    protected override void Shape(VMQuery query) => query.UngroupedOnly = true;
}
