namespace Sendense.Core.Groups;

/// <summary>A replication schedule found in the hub.</summary>
public sealed class ScheduleReference
{
    /// <summary>Creates a reference.</summary>
    public ScheduleReference(string id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>replication_schedules.id.</summary>
    public string Id { get; }

    /// <summary>replication_schedules.name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
