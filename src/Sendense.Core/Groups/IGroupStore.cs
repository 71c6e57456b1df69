namespace Sendense.Core.Groups;

/// <summary>
/// What the protection group use cases (<see cref="GroupService"/>) need from the hub database: reads that narrow by
/// the hub's own collation, and writes that land whole or not at all. Implemented over MariaDB in Sendense.Hub
/// (GroupStore); faked in xUnit. No rule lives here: the store reports what the rows say, the service decides.
/// </summary>
public interface IGroupStore
{
    /// <summary>
    /// Groups whose name matches any of <paramref name="names"/> or whose id is one of <paramref name="ids"/>, ordered
    /// by name; every group when both are empty. The patterns narrow: callers decide with <see cref="Wildcard.IsMatch"/>.
    /// </summary>
    public Task<IReadOnlyList<ProtectionGroup>> ListGroupsAsync(IReadOnlyList<SqlPattern> names, IReadOnlyList<string> ids,
        CancellationToken cancellationToken);

    /// <summary>Groups whose id or name equals one of the values (as the hub compares); one query.</summary>
    public Task<IReadOnlyList<ProtectionGroup>> FindGroupsAsync(IReadOnlyList<string> idsOrNames, CancellationToken cancellationToken);

    /// <summary>The group other than <paramref name="exceptId"/> that has <paramref name="name"/> (as the hub compares names), or null.</summary>
    public Task<GroupKey?> FindGroupNamedAsync(string name, string? exceptId, CancellationToken cancellationToken);

    /// <summary>Managed VMs whose context id is one of <paramref name="contextIds"/> or whose vm_name is one of <paramref name="names"/>.</summary>
    public Task<IReadOnlyList<ManagedVMKey>> FindVMsAsync(IReadOnlyList<string> contextIds, IReadOnlyList<string> names,
        CancellationToken cancellationToken);

    /// <summary>The schedules with this id or name, and the names that exist.</summary>
    public Task<ScheduleLookup> FindScheduleAsync(string schedule, CancellationToken cancellationToken);

    /// <summary>
    /// The facts a new group is checked against, in one round trip: the group holding the name, the schedule (when
    /// <paramref name="schedule"/> is not null) and the candidate VMs for the given context ids and names.
    /// </summary>
    public Task<GroupCreationFacts> LookUpForCreateAsync(string name, string? schedule, IReadOnlyList<string> contextIds,
        IReadOnlyList<string> vmNames, CancellationToken cancellationToken);

    /// <summary>Writes the group and every membership of the plan in one transaction; returns the group as written.</summary>
    public Task<ProtectionGroup> CreateAsync(ProtectionGroupCreationPlan plan, CancellationToken cancellationToken);

    /// <summary>Writes the plan's changes (a plan without changes writes nothing); returns the group as it now is, or null when it is gone.</summary>
    public Task<ProtectionGroup?> UpdateAsync(ProtectionGroupUpdatePlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: locks the group, reads its facts, and deletes it (the memberships cascade) when the group
    /// exists and <paramref name="mayDelete"/> says so. Returns the facts, Deleted set when it was deleted.
    /// </summary>
    public Task<GroupDeleteFacts> DeleteAsync(string groupId, Func<GroupDeleteFacts, bool> mayDelete, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: inserts the memberships of the pairs that are not members yet (enabled, with
    /// <paramref name="priority"/>), and returns every pair's membership once, with Result Added or AlreadyMember.
    /// </summary>
    public Task<IReadOnlyList<ProtectionGroupMember>> AddMembershipsAsync(IReadOnlyList<GroupVMPair> pairs, int priority,
        CancellationToken cancellationToken);

    /// <summary>In one transaction: deletes the memberships of the pairs that are members; returns them with Result Removed.</summary>
    public Task<IReadOnlyList<ProtectionGroupMember>> RemoveMembershipsAsync(IReadOnlyList<GroupVMPair> pairs, CancellationToken cancellationToken);

    /// <summary>
    /// Memberships of the groups (all groups when <paramref name="groupIds"/> is null) whose VM name matches any of
    /// <paramref name="vmNames"/> (all when empty), ordered by group name and VM name.
    /// </summary>
    public Task<IReadOnlyList<ProtectionGroupMember>> ListMembersAsync(IReadOnlyList<string>? groupIds, IReadOnlyList<SqlPattern> vmNames,
        CancellationToken cancellationToken);

    /// <summary>Group names matching the pattern, in name order, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<string>> ListGroupNamesAsync(SqlPattern pattern, int limit, CancellationToken cancellationToken);

    /// <summary>Replication schedule names matching the pattern, in name order, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<string>> ListScheduleNamesAsync(SqlPattern pattern, int limit, CancellationToken cancellationToken);
}
