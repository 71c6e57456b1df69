using System.Management.Automation;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets protection groups with their member counts, schedule and last execution.</para>
/// <para type="description">Reads the hub's protection groups, ordered by name, each with its member, enabled and
/// disabled counts, the name of its schedule and when it was last scheduled, all in one query. -Name takes
/// wildcards; a name without wildcards that matches nothing is an error.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseProtectionGroup", DefaultParameterSetName = NameSet)]
[OutputType(typeof(ProtectionGroup))]
public sealed class GetSendenseProtectionGroupCommand : ProtectionGroupCmdlet
{
    private const string NameSet = "Name";
    private const string IdSet = "Id";

    /// <summary>Group names; wildcards allowed. All groups when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ProtectionGroupNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Group ids.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [ValidateNotNullOrEmpty]
    [Alias("GroupId")]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        HubConnection hub = ResolveHub();
        IReadOnlyList<string> names = (Name ?? Array.Empty<string>()).Select(name => name.Trim()).ToList();
        IReadOnlyList<string> ids = ParameterSetName == IdSet ? Id.Select(id => id.Trim()).ToList() : Array.Empty<string>();

        // The query narrows by LIKE; the one wildcard (as the hub compares names) decides.
        List<Wildcard> patterns = names.Select(name => new Wildcard(name)).ToList();
        IReadOnlyList<ProtectionGroup> groups;
        try
        {
            groups = Await(token => ProtectionGroupEngine.GetGroupsAsync(hub,
                patterns.Select(pattern => pattern.ToLike()).ToList(), ids, token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, Name ?? (object)Id);
            return;
        }

        if (patterns.Count > 0)
        {
            groups = groups.Where(group => patterns.Any(pattern => pattern.IsMatch(group.Name))).ToList();
        }

        WriteObject(groups, enumerateCollection: true);
        ReportMissing(names, ids, groups);
        base.EndProcessing();
    }

    // As Get-Process -Name does: a literal name or id that matched nothing is an error; a wildcard may match nothing.
    private void ReportMissing(IReadOnlyList<string> names, IReadOnlyList<string> ids, IReadOnlyList<ProtectionGroup> groups)
    {
        foreach (string name in names.Where(name => !Wildcard.ContainsWildcards(name)))
        {
            string literal = new Wildcard(name).Literal!;
            if (!groups.Any(group => HubCollation.Equal(group.Name, literal)))
            {
                WriteSendenseError(new SendenseException(SendenseErrorCode.ProtectionGroupNotFound,
                    $"The hub has no protection group named '{literal}'. List the groups with Get-SendenseProtectionGroup."), name);
            }
        }

        foreach (string id in ids.Where(id => !groups.Any(group => VMReferenceResolver.KeyComparer.Equals(group.Id, id))))
        {
            WriteSendenseError(new SendenseException(SendenseErrorCode.ProtectionGroupNotFound,
                $"The hub has no protection group with id '{id}'."), id);
        }
    }
}
