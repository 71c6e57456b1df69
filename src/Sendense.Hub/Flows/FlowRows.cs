using Sendense.Core.Flows;

namespace Sendense.Hub.Flows;

// Row shapes Dapper reads into where no model type fits; the column aliases in FlowSql match these property names.

internal sealed class VMKey
{
    public string ContextId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string VCenter { get; set; } = string.Empty;
}

internal sealed class GroupKeyRow
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public long Members { get; set; }
    public long EnabledMembers { get; set; }

    public FlowGroupKey ToKey() => new FlowGroupKey(Id, Name, (int)Members, (int)EnabledMembers);
}

internal sealed class ReferenceRow
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public long Enabled { get; set; }
}

internal sealed class InsertedRow
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
}

internal sealed class DeleteCountsRow
{
    public long Executions { get; set; }
    public long Running { get; set; }
}
