namespace Sendense.Core.Flows;

/// <summary>
/// Plans Set-SendenseProtectionFlow: only values that differ are written; a new name is checked against the other
/// flows, a repository must exist and be enabled, a policy or schedule must exist, and both can be cleared to NULL
/// (never ''). Type and target cannot change (contract §6.8: recreate the flow instead).
/// </summary>
internal static class FlowUpdatePlanner
{
    internal static async Task<FlowUpdate> PlanAsync(IFlowStore store, ProtectionFlow flow, FlowChange change, CancellationToken cancellationToken)
    {
        var update = new FlowUpdate();
        if (change.NewName is not null)
        {
            string name = FlowRules.NormalizeName(change.NewName);
            if (!string.Equals(name, flow.Name, StringComparison.Ordinal))
            {
                FlowKey? holder = (await store.FindFlowsNamedAsync(new[] { name }, cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(f => !string.Equals(f.Id, flow.Id, StringComparison.Ordinal));
                if (holder is not null)
                {
                    throw Messages.Flows.NameTaken(new[] { (name, holder.Name, holder.Id) });
                }

                update.Name = name;
                update.Changes.Add($"name '{name}'");
            }
        }

        if (change.Description is not null)
        {
            string? description = FlowRules.NormalizeDescription(change.Description);
            if (!string.Equals(description, flow.Description, StringComparison.Ordinal))
            {
                update.Description = description;
                update.SetDescription = true;
                update.Changes.Add(description is null ? "no description" : "description");
            }
        }

        if (change.Repository is not null)
        {
            HubReference repository = FlowCreation.Require(await store.FindReferenceAsync(FlowReferenceKind.Repository, change.Repository.Trim(), cancellationToken)
                .ConfigureAwait(false), change.Repository, SendenseErrorCode.ProtectionFlowRepositoryNotFound, "backup repository", "-Repository");
            if (!repository.Enabled)
            {
                throw Messages.Flows.RepositoryDisabled(repository.Name, repository.Id);
            }

            if (!string.Equals(repository.Id, flow.RepositoryId, StringComparison.Ordinal))
            {
                update.RepositoryId = repository.Id;
                update.Changes.Add($"repository '{repository.Name}'");
            }
        }

        (update.PolicyId, update.SetPolicy) = await ReferenceAsync(store, FlowReferenceKind.Policy, change.Policy, change.ClearPolicy, flow.PolicyId,
            SendenseErrorCode.ProtectionFlowPolicyNotFound, "backup policy", "-Policy", update.Changes, cancellationToken).ConfigureAwait(false);
        (update.ScheduleId, update.SetSchedule) = await ReferenceAsync(store, FlowReferenceKind.Schedule, change.Schedule, change.ClearSchedule, flow.ScheduleId,
            SendenseErrorCode.ProtectionFlowScheduleNotFound, "replication schedule", "-Schedule", update.Changes, cancellationToken).ConfigureAwait(false);
        if (change.Enabled is bool enabled && enabled != flow.Enabled)
        {
            update.Enabled = enabled;
            update.Changes.Add(enabled ? "enabled" : "disabled");
        }

        return update;
    }

    private static async Task<(string? Id, bool Set)> ReferenceAsync(IFlowStore store, FlowReferenceKind kind, string? given, bool clear, string? current,
        SendenseErrorCode code, string what, string parameter, List<string> changes, CancellationToken cancellationToken)
    {
        if (clear)
        {
            if (current is null)
            {
                return (null, false);
            }

            changes.Add($"no {what}");
            return (null, true);
        }

        if (given is null)
        {
            return (null, false);
        }

        HubReference found = FlowCreation.Require(await store.FindReferenceAsync(kind, given.Trim(), cancellationToken).ConfigureAwait(false), given, code, what, parameter);
        if (string.Equals(found.Id, current, StringComparison.Ordinal))
        {
            return (null, false);
        }

        changes.Add($"{what} '{found.Name}'");
        return (found.Id, true);
    }
}
