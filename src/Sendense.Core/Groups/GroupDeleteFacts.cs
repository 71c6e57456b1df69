namespace Sendense.Core.Groups;

/// <summary>What decides whether a group may be deleted, read with the group's row locked.</summary>
/// <param name="Exists">False when the group is gone.</param>
/// <param name="Members">Its memberships.</param>
/// <param name="RunningExecutions">Its schedule executions with status 'running'.</param>
/// <param name="Deleted">True when the store deleted the group (its memberships cascaded).</param>
public sealed record GroupDeleteFacts(bool Exists, int Members, int RunningExecutions, bool Deleted);
