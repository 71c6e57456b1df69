using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>
/// The protection group operations the cmdlets call. Writes come in two steps: Prepare* reads and validates
/// (and is all that -WhatIf runs), then the write itself runs in one transaction. Only Sendense.Core types cross
/// this boundary.
/// </summary>
public static class ProtectionGroupEngine
{
    /// <summary>
    /// Groups whose name matches any of the LIKE patterns (escape character '!') or whose id is in
    /// <paramref name="ids"/>, ordered by name; all groups when both are empty. One query.
    /// </summary>
    public static Task<IReadOnlyList<ProtectionGroup>> GetGroupsAsync(HubConnection hub, IReadOnlyList<string>? nameLikes,
        IReadOnlyList<string>? ids, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, "reading protection groups",
            connection => GroupReader.GroupsAsync(connection, new GroupFilter { NameLikes = nameLikes, Ids = ids }, cancellationToken), cancellationToken);

    /// <summary>The group of each identity (null when it does not exist), in one query.</summary>
    public static Task<IReadOnlyList<(ProtectionGroupIdentity Identity, ProtectionGroup? Group)>> ResolveGroupsAsync(HubConnection hub,
        IReadOnlyList<ProtectionGroupIdentity> identities, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, "looking up protection groups",
            connection => GroupReader.ResolveAsync(connection, identities, cancellationToken), cancellationToken);

    /// <summary>Looks VM references up among the hub's VM contexts, in one query.</summary>
    public static Task<VMResolution> ResolveVMsAsync(HubConnection hub, IReadOnlyList<VMReference> references, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, $"looking up {Count(references.Count, "VM")}",
            connection => GroupReader.ResolveVMsAsync(connection, references, cancellationToken), cancellationToken);

    /// <summary>Validates a new group and looks up its schedule and members, in one round trip; writes nothing.</summary>
    public static Task<ProtectionGroupCreationPlan> PrepareCreateAsync(HubConnection hub, ProtectionGroupDefinition definition,
        IReadOnlyList<VMReference> members, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, $"checking protection group '{definition.Name}'",
            connection => GroupCreator.PrepareCreateAsync(connection, definition, members, cancellationToken), cancellationToken);

    /// <summary>Writes the group and all its memberships in one transaction: all of it lands, or none.</summary>
    public static Task<ProtectionGroup> CreateAsync(HubConnection hub, ProtectionGroupCreationPlan plan, CancellationToken cancellationToken) =>
        CreateAsync(hub, plan, GroupWriteOptions.Default, cancellationToken);

    internal static Task<ProtectionGroup> CreateAsync(HubConnection hub, ProtectionGroupCreationPlan plan, GroupWriteOptions options,
        CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, $"creating protection group '{plan.Name}' with {Count(plan.MemberVMs.Count, "VM")}",
            connection => GroupCreator.CreateAsync(hub, connection, plan, options, cancellationToken), cancellationToken);

    /// <summary>Validates a change of one group (name, schedule, ranges); writes nothing.</summary>
    public static Task<ProtectionGroupUpdatePlan> PrepareUpdateAsync(HubConnection hub, ProtectionGroup group, ProtectionGroupChange change,
        CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, $"checking the change of protection group '{group.Name}'",
            connection => GroupUpdater.PrepareUpdateAsync(connection, group, change, cancellationToken), cancellationToken);

    /// <summary>Writes a prepared change and returns the group as it is now.</summary>
    public static Task<ProtectionGroup> UpdateAsync(HubConnection hub, ProtectionGroupUpdatePlan plan, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, $"changing protection group '{plan.Group.Name}'",
            connection => GroupUpdater.UpdateAsync(connection, plan, cancellationToken), cancellationToken);

    /// <summary>Deletes a group; returns how many memberships went with it (only with <paramref name="force"/>).</summary>
    public static Task<int> RemoveAsync(HubConnection hub, ProtectionGroup group, bool force, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, $"removing protection group '{group.Name}'",
            connection => GroupRemover.DeleteAsync(connection, group, force, cancellationToken), cancellationToken);

    /// <summary>Adds VMs to groups in one transaction; VMs already in a group come back as AlreadyMember.</summary>
    public static Task<IReadOnlyList<ProtectionGroupMember>> AddMembersAsync(HubConnection hub, IReadOnlyList<GroupVMPair> pairs, int priority,
        CancellationToken cancellationToken) =>
        AddMembersAsync(hub, pairs, priority, GroupWriteOptions.Default, cancellationToken);

    internal static Task<IReadOnlyList<ProtectionGroupMember>> AddMembersAsync(HubConnection hub, IReadOnlyList<GroupVMPair> pairs, int priority,
        GroupWriteOptions options, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, $"adding {Count(pairs.Count, "VM")} to {GroupNames(pairs)}",
            connection => MembershipWriter.AddAsync(connection, pairs, priority, options, cancellationToken), cancellationToken);

    /// <summary>Removes VMs from groups in one transaction; VMs that were not members are reported, not failed.</summary>
    public static Task<MemberRemoval> RemoveMembersAsync(HubConnection hub, IReadOnlyList<GroupVMPair> pairs, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, $"removing {Count(pairs.Count, "VM")} from {GroupNames(pairs)}",
            connection => MembershipWriter.RemoveAsync(connection, pairs, cancellationToken), cancellationToken);

    /// <summary>Memberships of the given groups (all groups when null) whose VM name matches any LIKE pattern (all when null).</summary>
    public static Task<IReadOnlyList<ProtectionGroupMember>> GetMembersAsync(HubConnection hub, IReadOnlyList<string>? groupIds,
        IReadOnlyList<string>? vmNameLikes, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, "reading protection group members",
            connection => GroupReader.MembersOfAsync(connection, groupIds, vmNameLikes, cancellationToken), cancellationToken);

    /// <summary>Group names starting with <paramref name="prefix"/> (literal text), for tab completion.</summary>
    public static Task<IReadOnlyList<string>> CompleteGroupNamesAsync(HubConnection hub, string prefix, int limit, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, "completing protection group names",
            connection => GroupReader.NamesAsync(connection, GroupSql.CompleteGroupNames, prefix, limit, cancellationToken), cancellationToken);

    /// <summary>Replication schedule names starting with <paramref name="prefix"/>, for tab completion.</summary>
    public static Task<IReadOnlyList<string>> CompleteScheduleNamesAsync(HubConnection hub, string prefix, int limit, CancellationToken cancellationToken) =>
        GroupDb.RunAsync(hub, "completing schedule names",
            connection => GroupReader.NamesAsync(connection, GroupSql.CompleteScheduleNames, prefix, limit, cancellationToken), cancellationToken);

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string GroupNames(IReadOnlyList<GroupVMPair> pairs)
    {
        List<string> names = pairs.Select(pair => pair.Group.Name).Distinct(System.StringComparer.Ordinal).ToList();
        return names.Count == 1 ? $"protection group '{names[0]}'" : Count(names.Count, "protection group");
    }
}
