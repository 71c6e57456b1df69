namespace Sendense.Core.Groups;

/// <summary>
/// The use cases of the seven protection group cmdlets, over an <see cref="IGroupStore"/>. Writes come in two steps:
/// a read-only plan (all that -WhatIf runs), one batched confirmation, then one transaction. Commands that handle one
/// batch (New-, Get-, and the member cmdlets) stop on any failure of that batch, since nothing of it was written;
/// Set- and Remove-SendenseProtectionGroup handle groups one by one and report a group's failure as its outcome.
/// </summary>
public sealed class GroupService
{
    private readonly IGroupStore _store;

    /// <summary>Creates the service over a store.</summary>
    public GroupService(IGroupStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>
    /// Get-SendenseProtectionGroup: groups by name pattern or id, ordered by name (all when both are empty). As
    /// Get-Process does, a name without wildcards or an id that matched nothing is a failed outcome.
    /// </summary>
    public async Task GetGroupsAsync(IReadOnlyList<string> names, IReadOnlyList<string> ids, IOutcomeObserver<ProtectionGroup> observer,
        CancellationToken cancellationToken)
    {
        List<string> given = (names ?? throw new ArgumentNullException(nameof(names))).Select(name => name.Trim()).ToList();
        List<string> wantedIds = (ids ?? throw new ArgumentNullException(nameof(ids))).Select(id => id.Trim()).ToList();
        List<Wildcard> patterns = given.Select(name => new Wildcard(name)).ToList();
        IReadOnlyList<ProtectionGroup> groups = await GroupErrors.StopOnFailure(_store.ListGroupsAsync(patterns.Select(pattern => pattern.ToSql()).ToList(),
            wantedIds, cancellationToken)).ConfigureAwait(false);
        if (patterns.Count > 0)
        {
            groups = groups.Where(group => patterns.Any(pattern => pattern.IsMatch(group.Name))).ToList();
        }

        observer.Successes(groups);
        GroupLookupMisses.Notes(patterns, groups).ToList().ForEach(observer.Verbose);
        foreach ((string input, SendenseException error) in GroupLookupMisses.Of(given, patterns, wantedIds, groups))
        {
            observer.Outcome(Outcome.Fail<ProtectionGroup>(input, error));
        }
    }

    /// <summary>New-SendenseProtectionGroup: the group and all its members in one transaction; null when not confirmed.</summary>
    public async Task<ProtectionGroup?> CreateAsync(ProtectionGroupDefinition definition, IOperationObserver observer, CancellationToken cancellationToken)
    {
        ProtectionGroupCreationPlan plan = await GroupErrors.StopOnFailure(GroupCreationPlanner.PlanAsync(_store,
            definition ?? throw new ArgumentNullException(nameof(definition)), observer, cancellationToken)).ConfigureAwait(false);
        int count = plan.MemberVMs.Count;
        string action = count == 0
            ? "Create an empty protection group"
            : $"Create protection group with {Plural.Of(count, "VM")} ({Plural.List(plan.MemberVMs.Select(vm => vm.Name))})";
        if (!await ConfirmedAsync(observer, plan.Name, action, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        ProtectionGroup group = await GroupErrors.StopOnFailure(_store.CreateAsync(plan, cancellationToken)).ConfigureAwait(false);
        if (definition.Members.Count > count)
        {
            observer.Verbose($"{Plural.Of(definition.Members.Count - count, "input")} named a VM given earlier; each VM joins the group once.");
        }

        observer.Verbose($"Created protection group '{group.Name}' (id {group.Id}) with {Plural.Of(count, "VM")}.");
        WarnAboutGuiCapacity(observer, group.Name, group.MemberCount, group.MaxConcurrentVMs);
        return group;
    }

    /// <summary>Set-SendenseProtectionGroup: one group's changes; the outcome is the group as it now is (or why it failed).</summary>
    public async Task UpdateAsync(ProtectionGroupIdentity identity, ProtectionGroupChange change, IOutcomeObserver<ProtectionGroup> observer,
        CancellationToken cancellationToken)
    {
        ProtectionGroup? group = await FindOneAsync(identity, observer, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return;
        }

        if ((change ?? throw new ArgumentNullException(nameof(change))).IsEmpty)
        {
            observer.Warning($"Nothing to change for protection group '{group.Name}': give -NewName, -Description, -Schedule, " +
                "-ClearSchedule, -MaxConcurrentVMs or -Priority.");
            return;
        }

        ProtectionGroupUpdatePlan plan;
        ProtectionGroup changed;
        try
        {
            plan = await GroupUpdatePlanner.PlanAsync(_store, group, change, observer, cancellationToken).ConfigureAwait(false);
            if (plan.Changes.Count == 0)
            {
                observer.Verbose($"Protection group '{group.Name}' already has these settings; nothing to change.");
                observer.Outcome(Outcome.Of(identity, group));
                return;
            }

            if (!await ConfirmedAsync(observer, group.Name, "Set " + string.Join("; ", plan.Changes), cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            changed = await _store.UpdateAsync(plan, cancellationToken).ConfigureAwait(false) ?? throw new ProtectionGroupIdentity(group).NotFound();
        }
        catch (SendenseException exception) when (GroupErrors.IsAboutTheGroup(exception))
        {
            observer.Outcome(Outcome.Fail<ProtectionGroup>(identity, exception));
            return;
        }

        observer.Verbose($"Changed protection group '{changed.Name}': {string.Join("; ", plan.Changes)}.");
        if (plan.MaxConcurrentVMs is not null)
        {
            WarnAboutGuiCapacity(observer, changed.Name, changed.MemberCount, changed.MaxConcurrentVMs);
        }

        observer.Outcome(Outcome.Of(identity, changed));
    }

    /// <summary>
    /// Remove-SendenseProtectionGroup: deletes one group as upstream does (refusing members and running executions
    /// unless <paramref name="force"/>); outcomes are only its failures.
    /// </summary>
    public async Task RemoveAsync(ProtectionGroupIdentity identity, bool force, IOutcomeObserver<ProtectionGroup> observer, CancellationToken cancellationToken)
    {
        ProtectionGroup? group = await FindOneAsync(identity, observer, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return;
        }

        string action = group.MemberCount > 0 && force
            ? $"Remove protection group and its {Plural.Of(group.MemberCount, "membership")} (the VMs stay managed)"
            : "Remove protection group";
        if (!await ConfirmedAsync(observer, group.Name, action, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        GroupDeleteFacts facts = await _store.DeleteAsync(group.Id,
            found => ProtectionGroupRules.DeleteRefusal(group.Name, found, force) is null, cancellationToken).ConfigureAwait(false);
        if (!facts.Deleted)
        {
            SendenseException? refusal = facts.Exists ? ProtectionGroupRules.DeleteRefusal(group.Name, facts, force) : null;
            observer.Outcome(Outcome.Fail<ProtectionGroup>(identity, refusal ?? new ProtectionGroupIdentity(group).NotFound()));
            return;
        }

        observer.Verbose(facts.Members == 0
            ? $"Removed protection group '{group.Name}' (id {group.Id})."
            : $"Removed protection group '{group.Name}' (id {group.Id}) and its {Plural.Of(facts.Members, "membership")}.");
    }

    /// <summary>
    /// Get-SendenseProtectionGroupMember: memberships of the groups (all when none is given) whose VM name matches a
    /// pattern (all when none), ordered by group and VM name. A group that does not exist is a failed outcome.
    /// </summary>
    public async Task GetMembersAsync(IReadOnlyList<ProtectionGroupIdentity> groups, IReadOnlyList<string> vmNames,
        IOutcomeObserver<ProtectionGroupMember> observer, CancellationToken cancellationToken)
    {
        List<string>? groupIds = null;
        if ((groups ?? throw new ArgumentNullException(nameof(groups))).Count > 0)
        {
            groupIds = (await FoundGroupsAsync(groups, observer, cancellationToken).ConfigureAwait(false)).Values
                .Select(group => group.Id).Distinct(HubKeyComparer.Instance).ToList();
            if (groupIds.Count == 0)
            {
                return;
            }
        }

        List<Wildcard> patterns = (vmNames ?? throw new ArgumentNullException(nameof(vmNames))).Select(name => new Wildcard(name.Trim())).ToList();
        IReadOnlyList<ProtectionGroupMember> members = await GroupErrors.StopOnFailure(_store.ListMembersAsync(groupIds,
            patterns.Select(pattern => pattern.ToSql()).ToList(), cancellationToken)).ConfigureAwait(false);
        observer.Successes(patterns.Count == 0 ? members : members.Where(member => patterns.Any(pattern => pattern.IsMatch(member.VMName))).ToList());
    }

    /// <summary>
    /// Add-SendenseProtectionGroupMember: adds every requested VM to its group in one transaction. A VM already in the
    /// group comes back as AlreadyMember (running again is safe). A group that does not exist, or an input that is not
    /// a VM the hub manages, stops the command before anything is written.
    /// </summary>
    public async Task AddMembersAsync(IReadOnlyList<MembershipRequest> requests, int priority, IOutcomeObserver<ProtectionGroupMember> observer,
        CancellationToken cancellationToken)
    {
        ProtectionGroupRules.CheckPriority(priority);
        List<ProtectionGroupIdentity> identities = (requests ?? throw new ArgumentNullException(nameof(requests))).Select(request => request.Group).Distinct().ToList();
        IReadOnlyDictionary<ProtectionGroupIdentity, ProtectionGroup> groups =
            await GroupErrors.StopOnFailure(GroupLookups.GroupsAsync(_store, identities, observer, cancellationToken)).ConfigureAwait(false);
        if (identities.FirstOrDefault(identity => !groups.ContainsKey(identity)) is ProtectionGroupIdentity missing)
        {
            throw new GroupInputException(SendenseErrorCode.ProtectionGroupNotFound, missing.NotFound().Message, missing) { StopsCommand = true };
        }

        List<VMReference> references = requests.Select(request => request.VM).ToList();
        VMResolution resolution = await GroupErrors.StopOnFailure(GroupLookups.VMsAsync(_store, references, cancellationToken)).ConfigureAwait(false);
        string groupText = string.Join("', '", groups.Values.Select(group => group.Name).Distinct(StringComparer.Ordinal));
        GroupCreationPlanner.ThrowIfProblems(resolution.Problems, references.Count, $"No VM was added to '{groupText}'");

        List<GroupVMPair> pairs = await MembershipBatch.ConfirmAsync(MembershipBatch.ByGroup(requests, groups, resolution), "Add {0} to protection group ({1})",
            observer, cancellationToken).ConfigureAwait(false);
        if (pairs.Count == 0)
        {
            return;
        }

        IReadOnlyList<ProtectionGroupMember> members = await GroupErrors.StopOnFailure(_store.AddMembershipsAsync(pairs, priority, cancellationToken)).ConfigureAwait(false);
        foreach (ProtectionGroupMember member in members.Where(member => member.Result == ProtectionGroupMemberResult.AlreadyMember))
        {
            observer.Verbose($"VM '{member.VMName}' already is a member of protection group '{member.GroupName}'; left as it is.");
        }

        foreach (ProtectionGroup group in pairs.Select(pair => pair.Group).Distinct())
        {
            int added = members.Count(member => member.GroupId == group.Id && member.Result == ProtectionGroupMemberResult.Added);
            observer.Verbose($"Added {Plural.Of(added, "VM")} to protection group '{group.Name}'.");
            WarnAboutGuiCapacity(observer, group.Name, group.MemberCount + added, group.MaxConcurrentVMs);
        }

        observer.Successes(members);
    }

    /// <summary>
    /// Remove-SendenseProtectionGroupMember: removes the memberships in one transaction; the VMs stay managed and stay in
    /// their other groups. A group or VM that cannot be found is that input's failure; a VM that is not in the group is
    /// a warning. The outcomes are the memberships removed.
    /// </summary>
    public async Task RemoveMembersAsync(IReadOnlyList<MembershipRequest> requests, IOutcomeObserver<ProtectionGroupMember> observer,
        CancellationToken cancellationToken)
    {
        List<ProtectionGroupIdentity> identities = (requests ?? throw new ArgumentNullException(nameof(requests))).Select(request => request.Group).Distinct().ToList();
        IReadOnlyDictionary<ProtectionGroupIdentity, ProtectionGroup> groups = await FoundGroupsAsync(identities, observer, cancellationToken).ConfigureAwait(false);

        // Removing is safe per item: a VM the hub does not know is an error for that input only.
        List<VMReference> references = requests.Where(request => groups.ContainsKey(request.Group)).Select(request => request.VM).ToList();
        VMResolution resolution = await GroupErrors.StopOnFailure(GroupLookups.VMsAsync(_store, references, cancellationToken)).ConfigureAwait(false);
        resolution.Problems.ToList().ForEach(problem => observer.Outcome(Outcome.Fail<ProtectionGroupMember>(problem.Reference.Source, problem.ToException())));

        List<GroupVMPair> pairs = await MembershipBatch.ConfirmAsync(MembershipBatch.ByGroup(requests, groups, resolution), "Remove {0} from protection group ({1})",
            observer, cancellationToken).ConfigureAwait(false);
        if (pairs.Count == 0)
        {
            return;
        }

        IReadOnlyList<ProtectionGroupMember> removed = await GroupErrors.StopOnFailure(_store.RemoveMembershipsAsync(pairs, cancellationToken)).ConfigureAwait(false);
        foreach (GroupVMPair notMember in MembershipBatch.NotMembers(pairs, removed))
        {
            observer.Warning($"VM '{notMember.VM.Name}' ({notMember.VM.ContextId}) is not a member of protection group '{notMember.Group.Name}'; nothing to remove.");
        }

        foreach (IGrouping<string, ProtectionGroupMember> byGroup in removed.GroupBy(member => member.GroupName, StringComparer.Ordinal))
        {
            observer.Verbose($"Removed {Plural.Of(byGroup.Count(), "VM")} from protection group '{byGroup.Key}'.");
        }

        observer.Successes(removed);
    }

    /// <summary>Group names starting with <paramref name="prefix"/> (literal text, compared as the hub does), for tab completion.</summary>
    public Task<IReadOnlyList<string>> CompleteGroupNamesAsync(string prefix, int limit, CancellationToken cancellationToken) =>
        GroupLookups.CompleteAsync(prefix, pattern => _store.ListGroupNamesAsync(pattern, limit, cancellationToken));

    /// <summary>Replication schedule names starting with <paramref name="prefix"/>, for tab completion.</summary>
    public Task<IReadOnlyList<string>> CompleteScheduleNamesAsync(string prefix, int limit, CancellationToken cancellationToken) =>
        GroupLookups.CompleteAsync(prefix, pattern => _store.ListScheduleNamesAsync(pattern, limit, cancellationToken));

    // The capacity rule of the hub GUI's add-to-group call (see ProtectionGroupRules.IsAtHubGuiCapacity).
    private static void WarnAboutGuiCapacity(IOperationObserver observer, string groupName, int memberCount, int maxConcurrentVMs)
    {
        if (ProtectionGroupRules.IsAtHubGuiCapacity(memberCount, maxConcurrentVMs))
        {
            observer.Warning(ProtectionGroupRules.CapacityWarning(groupName, memberCount, maxConcurrentVMs));
        }
    }

    private static async Task<bool> ConfirmedAsync(IOperationObserver observer, string target, string action, CancellationToken cancellationToken) =>
        (await observer.ConfirmAsync(new[] { new ChangeRequest(target, action) }, cancellationToken).ConfigureAwait(false))[0];

    // Each identity's group, in one query; an identity without a group is that input's failed outcome.
    private async Task<IReadOnlyDictionary<ProtectionGroupIdentity, ProtectionGroup>> FoundGroupsAsync<T>(IReadOnlyList<ProtectionGroupIdentity> identities,
        IOutcomeObserver<T> observer, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<ProtectionGroupIdentity, ProtectionGroup> found =
            await GroupErrors.StopOnFailure(GroupLookups.GroupsAsync(_store, identities, observer, cancellationToken)).ConfigureAwait(false);
        foreach (ProtectionGroupIdentity missing in identities.Where(identity => !found.ContainsKey(identity)))
        {
            observer.Outcome(Outcome.Fail<T>(missing, missing.NotFound()));
        }

        return found;
    }

    // The group of a command that handles one group per input.
    private async Task<ProtectionGroup?> FindOneAsync(ProtectionGroupIdentity identity, IOutcomeObserver<ProtectionGroup> observer,
        CancellationToken cancellationToken) =>
        (await FoundGroupsAsync(new[] { identity ?? throw new ArgumentNullException(nameof(identity)) }, observer, cancellationToken).ConfigureAwait(false))
            .TryGetValue(identity, out ProtectionGroup? group) ? group : null;
}
