using Sendense.Core.Groups;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that change one group per input (Set- and Remove-SendenseProtectionGroup): the -Group
/// parameter, declared once.
/// </summary>
public abstract class OneGroupCmdlet : GroupCmdlet
{
    /// <summary>The group: a name, an id, or a ProtectionGroup object from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("GroupId", "Identity")]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public ProtectionGroupIdentity Group { get; set; } = null!;
}
