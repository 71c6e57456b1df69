namespace Sendense.Core.Groups;

/// <summary>A replication schedule a group runs on.</summary>
/// <param name="Id">replication_schedules.id.</param>
/// <param name="Name">replication_schedules.name.</param>
public sealed record ScheduleReference(string Id, string Name)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
