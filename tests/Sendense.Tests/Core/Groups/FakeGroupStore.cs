using Sendense.Core.Groups;

namespace Sendense.Tests.Core.Groups;

/// <summary>
/// An in-memory hub for the group use cases. Names compare as the hub's collation does (HubCollation), and name
/// patterns let every row through, as a query is allowed to: the service must decide with the wildcard itself.
/// Every write is recorded in <see cref="Writes"/>, so a test can prove that -WhatIf or a refusal wrote nothing.
/// </summary>
internal sealed class FakeGroupStore : IGroupStore
{
    private int _next;

    public List<ProtectionGroup> Groups { get; } = new List<ProtectionGroup>();

    public List<ManagedVMKey> VMs { get; } = new List<ManagedVMKey>();

    public List<ProtectionGroupMember> Members { get; } = new List<ProtectionGroupMember>();

    public List<ScheduleReference> Schedules { get; } = new List<ScheduleReference>();

    public Dictionary<string, int> RunningExecutions { get; } = new Dictionary<string, int>();

    public List<string> Writes { get; } = new List<string>();

    public ProtectionGroup AddGroup(string name, int maxConcurrentVMs = 5, params ManagedVMKey[] members)
    {
        var group = new ProtectionGroup { Id = "g-" + (++_next).ToString(CultureInfo.InvariantCulture), Name = name, MaxConcurrentVMs = maxConcurrentVMs };
        Groups.Add(group);
        foreach (ManagedVMKey vm in members)
        {
            Members.Add(Member(group, vm, 50, ProtectionGroupMemberResult.AlreadyMember));
        }

        return Counted(group);
    }

    public ManagedVMKey AddVM(string name, string vCenter = "vc01.lab")
    {
        var vm = new ManagedVMKey($"ctx-{name}-20251006-100000", name, vCenter);
        VMs.Add(vm);
        return vm;
    }

    public Task<IReadOnlyList<ProtectionGroup>> ListGroupsAsync(IReadOnlyList<SqlPattern> names, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        Done(Groups.Where(group => (names.Count == 0 && ids.Count == 0) || names.Any(name => Narrows(name, group.Name)) || ids.Any(id => HubCollation.Equal(id, group.Id)))
            .OrderBy(group => group.Name, StringComparer.OrdinalIgnoreCase).Select(Counted));

    public Task<IReadOnlyList<ProtectionGroup>> FindGroupsAsync(IReadOnlyList<string> idsOrNames, CancellationToken cancellationToken) =>
        Done(Groups.Where(group => idsOrNames.Any(value => HubCollation.Equal(value, group.Id) || HubCollation.Equal(value, group.Name))).Select(Counted));

    public Task<GroupKey?> FindGroupNamedAsync(string name, string? exceptId, CancellationToken cancellationToken) =>
        Task.FromResult(Groups.Where(group => HubCollation.Equal(group.Name, name) && group.Id != exceptId).Select(group => new GroupKey(group.Id, group.Name)).FirstOrDefault());

    public Task<IReadOnlyList<ManagedVMKey>> FindVMsAsync(IReadOnlyList<string> contextIds, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Done(VMs.Where(vm => contextIds.Any(id => HubCollation.Equal(id, vm.ContextId)) || names.Any(name => HubCollation.Equal(name, vm.Name))));

    public Task<ScheduleLookup> FindScheduleAsync(string schedule, CancellationToken cancellationToken) =>
        Task.FromResult(new ScheduleLookup(Schedules.Where(found => HubCollation.Equal(found.Id, schedule) || HubCollation.Equal(found.Name, schedule)).ToList(),
            Schedules.Select(found => found.Name).OrderBy(name => name, StringComparer.OrdinalIgnoreCase).Take(11).ToList()));

    public async Task<GroupCreationFacts> LookUpForCreateAsync(string name, string? schedule, IReadOnlyList<string> contextIds, IReadOnlyList<string> vmNames,
        CancellationToken cancellationToken) =>
        new GroupCreationFacts(await FindGroupNamedAsync(name, null, cancellationToken), schedule is null ? null : await FindScheduleAsync(schedule, cancellationToken),
            await FindVMsAsync(contextIds, vmNames, cancellationToken));

    public Task<ProtectionGroup> CreateAsync(ProtectionGroupCreationPlan plan, CancellationToken cancellationToken)
    {
        Writes.Add($"create {plan.Name} with {plan.MemberVMs.Count}");
        ProtectionGroup group = AddGroup(plan.Name, plan.MaxConcurrentVMs);
        group.Description = plan.Description;
        group.ScheduleId = plan.Schedule?.Id;
        group.ScheduleName = plan.Schedule?.Name;
        group.Priority = plan.Priority;
        Members.AddRange(plan.MemberVMs.Select(vm => Member(group, vm, plan.MemberPriority, ProtectionGroupMemberResult.Added)));
        return Task.FromResult(Counted(group));
    }

    public Task<ProtectionGroup?> UpdateAsync(ProtectionGroupUpdatePlan plan, CancellationToken cancellationToken)
    {
        Writes.Add($"update {plan.Group.Name}: {string.Join("; ", plan.Changes)}");
        ProtectionGroup? group = Groups.FirstOrDefault(found => found.Id == plan.Group.Id);
        if (group is not null)
        {
            group.Name = plan.NewName ?? group.Name;
            group.MaxConcurrentVMs = plan.MaxConcurrentVMs ?? group.MaxConcurrentVMs;
            group.Priority = plan.Priority ?? group.Priority;
            group.Description = plan.SetDescription ? plan.Description : group.Description;
        }

        return Task.FromResult(group is null ? null : Counted(group));
    }

    public Task<GroupDeleteFacts> DeleteAsync(string groupId, Func<GroupDeleteFacts, bool> mayDelete, CancellationToken cancellationToken)
    {
        ProtectionGroup? group = Groups.FirstOrDefault(found => found.Id == groupId);
        var facts = new GroupDeleteFacts(group is not null, Members.Count(member => member.GroupId == groupId),
            RunningExecutions.TryGetValue(groupId, out int running) ? running : 0, Deleted: false);
        if (group is null || !mayDelete(facts))
        {
            return Task.FromResult(facts);
        }

        Writes.Add($"delete {group.Name}");
        Groups.Remove(group);
        Members.RemoveAll(member => member.GroupId == groupId);
        return Task.FromResult(facts with { Deleted = true });
    }

    public Task<IReadOnlyList<ProtectionGroupMember>> AddMembershipsAsync(IReadOnlyList<GroupVMPair> pairs, int priority, CancellationToken cancellationToken)
    {
        var result = new List<ProtectionGroupMember>();
        foreach (GroupVMPair pair in pairs)
        {
            ProtectionGroupMember? existing = Find(pair);
            if (existing is null)
            {
                Writes.Add($"add {pair}");
                existing = Member(pair.Group, pair.VM, priority, ProtectionGroupMemberResult.Added);
                Members.Add(existing);
                result.Add(existing);
            }
            else
            {
                result.Add(Copy(existing, ProtectionGroupMemberResult.AlreadyMember));
            }
        }

        return Task.FromResult<IReadOnlyList<ProtectionGroupMember>>(result);
    }

    public Task<IReadOnlyList<ProtectionGroupMember>> RemoveMembershipsAsync(IReadOnlyList<GroupVMPair> pairs, CancellationToken cancellationToken)
    {
        List<ProtectionGroupMember> removed = pairs.Select(Find).OfType<ProtectionGroupMember>().ToList();
        removed.ForEach(member => Writes.Add($"remove {member.VMName} from {member.GroupName}"));
        Members.RemoveAll(removed.Contains);
        return Task.FromResult<IReadOnlyList<ProtectionGroupMember>>(removed.Select(member => Copy(member, ProtectionGroupMemberResult.Removed)).ToList());
    }

    public Task<IReadOnlyList<ProtectionGroupMember>> ListMembersAsync(IReadOnlyList<string>? groupIds, IReadOnlyList<SqlPattern> vmNames, CancellationToken cancellationToken) =>
        Done(Members.Where(member => (groupIds is null || groupIds.Contains(member.GroupId)) && (vmNames.Count == 0 || vmNames.Any(name => Narrows(name, member.VMName))))
            .Select(member => Copy(member, null)));

    public Task<IReadOnlyList<string>> ListGroupNamesAsync(SqlPattern pattern, int limit, CancellationToken cancellationToken) =>
        Done(Groups.Select(group => group.Name).Where(name => Narrows(pattern, name)).Take(limit));

    public Task<IReadOnlyList<string>> ListScheduleNamesAsync(SqlPattern pattern, int limit, CancellationToken cancellationToken) =>
        Done(Schedules.Select(schedule => schedule.Name).Where(name => Narrows(pattern, name)).Take(limit));

    private static Task<IReadOnlyList<TItem>> Done<TItem>(IEnumerable<TItem> items) => Task.FromResult<IReadOnlyList<TItem>>(items.ToList());

    // = compares as the hub does; LIKE lets everything through (a query may narrow less, never more).
    private static bool Narrows(SqlPattern pattern, string value) => pattern.Kind == SqlPatternKind.Like || HubCollation.Equal(pattern.Value, value);

    private static ProtectionGroupMember Copy(ProtectionGroupMember member, ProtectionGroupMemberResult? result) => new ProtectionGroupMember
    {
        MembershipId = member.MembershipId, GroupId = member.GroupId, GroupName = member.GroupName, ContextId = member.ContextId,
        VMName = member.VMName, VCenter = member.VCenter, Enabled = member.Enabled, Priority = member.Priority, Result = result,
    };

    private ProtectionGroupMember Member(ProtectionGroup group, ManagedVMKey vm, int priority, ProtectionGroupMemberResult result) => new ProtectionGroupMember
    {
        MembershipId = "m-" + (++_next).ToString(CultureInfo.InvariantCulture), GroupId = group.Id, GroupName = group.Name, ContextId = vm.ContextId,
        VMName = vm.Name, VCenter = vm.VCenter, Enabled = true, Priority = priority, Result = result,
    };

    private ProtectionGroupMember? Find(GroupVMPair pair) =>
        Members.FirstOrDefault(member => member.GroupId == pair.Group.Id && member.ContextId == pair.VM.ContextId);

    private ProtectionGroup Counted(ProtectionGroup group)
    {
        group.MemberCount = Members.Count(member => member.GroupId == group.Id);
        group.EnabledCount = group.MemberCount;
        return group;
    }
}
