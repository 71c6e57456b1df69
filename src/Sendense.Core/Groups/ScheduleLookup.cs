namespace Sendense.Core.Groups;

/// <summary>
/// What the hub has for a -Schedule value: the schedules whose id or name equals it, and the first few schedule names
/// (for the message when there is no match).
/// </summary>
/// <param name="Matches">Schedules whose id or name (as the hub compares) equals the value.</param>
/// <param name="Known">Names of existing schedules, in name order, at most 11 (so a message can say "...").</param>
public sealed record ScheduleLookup(IReadOnlyList<ScheduleReference> Matches, IReadOnlyList<string> Known);
