namespace Sendense.Core.Groups;

/// <summary>What a new group is checked against, read in one round trip before anything is written.</summary>
/// <param name="NameHolder">The group that already has the name (as the hub compares names), or null.</param>
/// <param name="Schedule">The lookup of the schedule, or null when none was asked for.</param>
/// <param name="Candidates">Every managed VM whose context id or name is among the inputs' keys.</param>
public sealed record GroupCreationFacts(GroupKey? NameHolder, ScheduleLookup? Schedule, IReadOnlyList<ManagedVMKey> Candidates);
