namespace Sendense.Core.Groups;

/// <summary>A group's id and name: what a name check needs to say which group holds a name.</summary>
/// <param name="Id">vm_machine_groups.id.</param>
/// <param name="Name">vm_machine_groups.name, as stored.</param>
public sealed record GroupKey(string Id, string Name);
