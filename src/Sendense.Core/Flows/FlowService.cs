using Sendense.Core.Groups;

namespace Sendense.Core.Flows;

/// <summary>
/// The use cases of the protection flow cmdlets over an <see cref="IFlowStore"/>. Writes come in two steps, a
/// read-only plan (all that -WhatIf runs) and one transaction after the confirmation. New- handles one batch and stops
/// on any failure of it (nothing was written); Set- and Remove- handle flows one by one, failures as their outcomes.
/// The module never starts a flow: that is the hub's job (<see cref="Messages.Flows.HubRunsFlows"/>).
/// </summary>
public sealed class FlowService
{
    private readonly IFlowStore _store;

    /// <summary>Creates the service over a store.</summary>
    public FlowService(IFlowStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>New-SendenseProtectionFlow: one flow per target, all in one transaction; outcomes are the flows written.</summary>
    public async Task CreateAsync(FlowDefinition definition, IOutcomeObserver<ProtectionFlow> observer, CancellationToken cancellationToken)
    {
        IReadOnlyList<FlowPlanRow> rows = await GroupErrors.StopOnFailure(FlowCreation.PlanAsync(_store,
            definition ?? throw new ArgumentNullException(nameof(definition)), observer, cancellationToken)).ConfigureAwait(false);
        IReadOnlyList<bool> answers = await observer.ConfirmAsync(rows.Select(row => new ChangeRequest(row.Name, Messages.Flows.CreateAction(row))).ToList(),
            cancellationToken).ConfigureAwait(false);
        List<FlowPlanRow> confirmed = rows.Where((row, i) => answers[i]).ToList();
        if (confirmed.Count == 0)
        {
            return;
        }

        IReadOnlyList<ProtectionFlow> flows = await GroupErrors.StopOnFailure(_store.CreateAsync(confirmed, cancellationToken)).ConfigureAwait(false);
        observer.Verbose($"Created {Plural.Of(flows.Count, "protection flow")} in one transaction. {Messages.Flows.HubRunsFlows}");
        for (int i = 0; i < flows.Count; i++)
        {
            observer.Outcome(Outcome.Of(confirmed[i].Source, flows[i]));
        }
    }

    /// <summary>Get-SendenseProtectionFlow: the flows that pass every filter, by name; literal names and ids that matched nothing are failures.</summary>
    public async Task GetFlowsAsync(FlowQuery query, IOutcomeObserver<ProtectionFlow> observer, CancellationToken cancellationToken)
    {
        var filter = new FlowListFilter { Enabled = (query ?? throw new ArgumentNullException(nameof(query))).Enabled, Repositories = query.Repositories };
        if (query.VMs.Count > 0)
        {
            (IReadOnlyList<string> ids, IReadOnlyList<string> names) = VMReferenceResolver.LookupKeys(query.VMs);
            VMResolution resolution = VMReferenceResolver.Resolve(query.VMs, await _store.FindVMsAsync(ids, names, cancellationToken).ConfigureAwait(false));
            resolution.Problems.ToList().ForEach(p => observer.Outcome(Outcome.Fail<ProtectionFlow>(p.Reference.Source,
                new SendenseException(SendenseErrorCode.ProtectionFlowTargetNotFound, p.Message))));
            filter.ContextIds = resolution.VMs.Select(vm => vm.ContextId).ToList();
            filter.MatchesNothing |= filter.ContextIds.Count == 0;
        }

        if (query.Groups.Count > 0)
        {
            filter.GroupIds = (await GroupsAsync(query.Groups, observer, cancellationToken).ConfigureAwait(false)).Select(g => g.Id).ToList();
            filter.MatchesNothing |= filter.GroupIds.Count == 0;
        }

        List<Wildcard> patterns = query.Names.Select(name => new Wildcard(name.Trim())).ToList();
        filter.Names = patterns.Select(p => p.ToSql()).ToList();
        filter.IdsOrNames = query.Ids;
        IReadOnlyList<ProtectionFlow> flows = filter.MatchesNothing ? Array.Empty<ProtectionFlow>()
            : await GroupErrors.StopOnFailure(_store.ListFlowsAsync(filter, cancellationToken)).ConfigureAwait(false);
        List<ProtectionFlow> matched = flows.Where(f => patterns.Count == 0 || patterns.Any(p => p.IsMatch(f.Name))).ToList();
        observer.Successes(matched);
        foreach (Wildcard literal in patterns.Where(p => !p.HasWildcards && !matched.Any(f => p.IsMatch(f.Name))))
        {
            observer.Outcome(Outcome.Fail<ProtectionFlow>(literal.Pattern, Messages.Flows.NotFound(literal.Pattern, _store.Hub)));
        }

        foreach (string id in query.Ids.Where(id => !matched.Any(f => string.Equals(f.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))))
        {
            observer.Outcome(Outcome.Fail<ProtectionFlow>(id, Messages.Flows.NotFound(id, _store.Hub)));
        }
    }

    /// <summary>Set-SendenseProtectionFlow: one flow's changes; the outcome is the flow as it now is, or why it failed.</summary>
    public async Task UpdateAsync(IReadOnlyList<FlowIdentity> identities, FlowChange change, IOutcomeObserver<ProtectionFlow> observer,
        CancellationToken cancellationToken)
    {
        if ((change ?? throw new ArgumentNullException(nameof(change))).ClearPolicy && change.Policy is not null || change.ClearSchedule && change.Schedule is not null)
        {
            throw Messages.Flows.ChangeConflicts();
        }

        if (change.IsEmpty)
        {
            observer.Warning(Messages.Flows.NothingToChange);
            return;
        }

        foreach (FlowIdentity identity in identities ?? throw new ArgumentNullException(nameof(identities)))
        {
            await UpdateAsync(identity, change, observer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Set-SendenseProtectionFlow for one flow: the values that differ, one question, one transaction.</summary>
    public async Task UpdateAsync(FlowIdentity identity, FlowChange change, IOutcomeObserver<ProtectionFlow> observer, CancellationToken cancellationToken)
    {
        ProtectionFlow? flow = await FindOneAsync(identity, observer, cancellationToken).ConfigureAwait(false);
        if (flow is null)
        {
            return;
        }

        try
        {
            FlowUpdate update = await FlowUpdatePlanner.PlanAsync(_store, flow, change ?? throw new ArgumentNullException(nameof(change)), cancellationToken)
                .ConfigureAwait(false);
            if (update.Changes.Count == 0)
            {
                observer.Verbose($"Protection flow '{flow.Name}' already has these settings; nothing to change.");
                observer.Outcome(Outcome.Of(identity.Source, flow));
                return;
            }

            if (!await ConfirmedAsync(observer, flow.Name, "Set " + string.Join("; ", update.Changes), cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            ProtectionFlow changed = await _store.UpdateAsync(flow.Id, update, cancellationToken).ConfigureAwait(false)
                ?? throw Messages.Flows.NotFound(flow.Name, _store.Hub);
            observer.Verbose($"Changed protection flow '{changed.Name}': {string.Join("; ", update.Changes)}.");
            observer.Outcome(Outcome.Of(identity.Source, changed));
        }
        catch (SendenseException exception) when (exception.Code is >= SendenseErrorCode.ProtectionFlowNotFound and <= SendenseErrorCode.ProtectionFlowValueInvalid)
        {
            observer.Outcome(Outcome.Fail<ProtectionFlow>(identity.Source, exception));
        }
    }

    /// <summary>Remove-SendenseProtectionFlow: the flow and its executions in one transaction; refuses a running one without <paramref name="force"/>.</summary>
    public async Task RemoveAsync(FlowIdentity identity, bool force, IOutcomeObserver<ProtectionFlow> observer, CancellationToken cancellationToken)
    {
        ProtectionFlow? flow = await FindOneAsync(identity, observer, cancellationToken).ConfigureAwait(false);
        if (flow is null || !await ConfirmedAsync(observer, flow.Name, "Remove protection flow and its execution history", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        FlowDeleteFacts facts = await _store.DeleteAsync(flow.Id, found => force || found.Running == 0, cancellationToken).ConfigureAwait(false);
        if (!facts.Deleted)
        {
            observer.Outcome(Outcome.Fail<ProtectionFlow>(identity.Source, facts.Exists
                ? Messages.Flows.ExecutionRunning(flow.Name, facts.Running) : Messages.Flows.NotFound(flow.Name, _store.Hub)));
            return;
        }

        observer.Verbose($"Removed protection flow '{flow.Name}' (id {flow.Id}) and {Plural.Of(facts.Executions, "execution")}" +
            (facts.Running > 0 ? $", {facts.Running} of them running (-Force): backup jobs already started keep running." : "."));
    }

    /// <summary>Get-SendenseProtectionFlowMember: the machines of the flows (all flows when none is given), VM names filtered by wildcards.</summary>
    public async Task GetMembersAsync(IReadOnlyList<FlowIdentity> flows, IReadOnlyList<string> vmNames, IOutcomeObserver<ProtectionFlowMember> observer,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? ids = await FlowIdsAsync(flows, observer, cancellationToken).ConfigureAwait(false);
        if (ids is null)
        {
            return;
        }

        List<Wildcard> patterns = (vmNames ?? throw new ArgumentNullException(nameof(vmNames))).Select(n => new Wildcard(n.Trim())).ToList();
        IReadOnlyList<ProtectionFlowMember> members = await GroupErrors.StopOnFailure(_store.ListMembersAsync(ids, cancellationToken)).ConfigureAwait(false);
        observer.Successes(patterns.Count == 0 ? members : members.Where(m => patterns.Any(p => p.IsMatch(m.Name))).ToList());
    }

    /// <summary>Get-SendenseProtectionFlowExecution: each flow's newest <paramref name="last"/> executions, newest first.</summary>
    public async Task GetExecutionsAsync(IReadOnlyList<FlowIdentity> flows, int last, IOutcomeObserver<ProtectionFlowExecution> observer,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? ids = await FlowIdsAsync(flows, observer, cancellationToken).ConfigureAwait(false);
        if (ids is not null)
        {
            observer.Successes(await GroupErrors.StopOnFailure(_store.ListExecutionsAsync(ids, Math.Max(1, last), cancellationToken)).ConfigureAwait(false));
        }
    }

    /// <summary>Get-SendenseBackupRepository.</summary>
    public Task GetRepositoriesAsync(IReadOnlyList<string> names, IOutcomeObserver<BackupRepository> observer, CancellationToken cancellationToken) =>
        FlowListing.ByNameAsync(names, patterns => _store.ListRepositoriesAsync(patterns, cancellationToken), r => r.Name, "backup repository", _store.Hub, observer);

    /// <summary>Get-SendenseBackupPolicy.</summary>
    public Task GetPoliciesAsync(IReadOnlyList<string> names, IOutcomeObserver<BackupPolicy> observer, CancellationToken cancellationToken) =>
        FlowListing.ByNameAsync(names, patterns => _store.ListPoliciesAsync(patterns, cancellationToken), p => p.Name, "backup policy", _store.Hub, observer);

    /// <summary>Get-SendenseProtectionSummary: per vCenter and datacenter (wildcards narrow both), one query and the one status rule.</summary>
    public async Task GetSummaryAsync(IReadOnlyList<string> vCenters, IReadOnlyList<string> datacenters, IOutcomeObserver<ProtectionSummary> observer,
        CancellationToken cancellationToken)
    {
        List<Wildcard> vc = vCenters.Select(v => new Wildcard(v.Trim())).ToList();
        List<Wildcard> dc = datacenters.Select(d => new Wildcard(d.Trim())).ToList();
        IReadOnlyList<VMProtectionFacts> facts = await GroupErrors.StopOnFailure(_store.ReadProtectionAsync(cancellationToken)).ConfigureAwait(false);
        foreach (ProtectionSummary summary in ProtectionSummaryBuilder.Build(facts,
            (v, d) => (vc.Count == 0 || vc.Any(p => p.IsMatch(v))) && (dc.Count == 0 || dc.Any(p => p.IsMatch(d)))))
        {
            observer.Outcome(Outcome.Of(summary, summary));
        }
    }

    /// <summary>Names of flows, repositories, policies or schedules starting with <paramref name="prefix"/>, for tab completion.</summary>
    public Task<IReadOnlyList<string>> CompleteNamesAsync(FlowReferenceKind kind, string prefix, int limit, CancellationToken cancellationToken) =>
        _store.CompleteNamesAsync(kind, new Wildcard(Wildcard.Escape(prefix ?? string.Empty) + "*").ToSql(), limit, cancellationToken);

    private static async Task<bool> ConfirmedAsync(IOperationObserver observer, string target, string action, CancellationToken cancellationToken) =>
        (await observer.ConfirmAsync(new[] { new ChangeRequest(target, action) }, cancellationToken).ConfigureAwait(false))[0];

    // The ids of the given flows (null when none of them exists), or every flow (an empty list) when none is given.
    private async Task<IReadOnlyList<string>?> FlowIdsAsync<T>(IReadOnlyList<FlowIdentity> flows, IOutcomeObserver<T> observer, CancellationToken cancellationToken)
    {
        if ((flows ?? throw new ArgumentNullException(nameof(flows))).Count == 0)
        {
            return Array.Empty<string>();
        }

        IReadOnlyList<ProtectionFlow> found = await GroupErrors.StopOnFailure(_store.ListFlowsAsync(
            new FlowListFilter { IdsOrNames = flows.Select(f => f.Key).Distinct(StringComparer.Ordinal).ToList() }, cancellationToken)).ConfigureAwait(false);
        var ids = new List<string>();
        foreach (FlowIdentity identity in flows)
        {
            ProtectionFlow? flow = found.FirstOrDefault(identity.Matches);
            if (flow is null)
            {
                observer.Outcome(Outcome.Fail<T>(identity.Source, Messages.Flows.NotFound(identity.Key, _store.Hub)));
            }
            else if (!ids.Contains(flow.Id))
            {
                ids.Add(flow.Id);
            }
        }

        return ids.Count == 0 ? null : ids;
    }

    private async Task<ProtectionFlow?> FindOneAsync(FlowIdentity identity, IOutcomeObserver<ProtectionFlow> observer, CancellationToken cancellationToken)
    {
        IReadOnlyList<ProtectionFlow> found = await GroupErrors.StopOnFailure(_store.ListFlowsAsync(
            new FlowListFilter { IdsOrNames = new[] { (identity ?? throw new ArgumentNullException(nameof(identity))).Key } }, cancellationToken)).ConfigureAwait(false);
        ProtectionFlow? flow = found.FirstOrDefault(identity.Matches);
        if (flow is null)
        {
            observer.Outcome(Outcome.Fail<ProtectionFlow>(identity.Source, Messages.Flows.NotFound(identity.Key, _store.Hub)));
        }

        return flow;
    }

    private async Task<IReadOnlyList<FlowGroupKey>> GroupsAsync(IReadOnlyList<FlowTargetReference> groups, IOutcomeObserver<ProtectionFlow> observer,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<FlowGroupKey> found = await _store.FindGroupsAsync(groups.Where(g => g.Group is not null).Select(g => g.Group!).ToList(), cancellationToken)
            .ConfigureAwait(false);
        var result = new List<FlowGroupKey>();
        foreach (FlowTargetReference group in groups)
        {
            FlowGroupKey? match = found.FirstOrDefault(g => string.Equals(g.Id, group.Group, StringComparison.Ordinal))
                ?? found.FirstOrDefault(g => HubCollation.Equal(g.Id, group.Group) || HubCollation.Equal(g.Name, group.Group));
            if (match is null)
            {
                observer.Outcome(Outcome.Fail<ProtectionFlow>(group.Source, new SendenseException(SendenseErrorCode.ProtectionFlowTargetNotFound,
                    Messages.Flows.GroupNotFound(group.Group ?? string.Empty))));
            }
            else
            {
                result.Add(match);
            }
        }

        return result;
    }
}
