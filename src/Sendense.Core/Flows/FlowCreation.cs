using Sendense.Core.Groups;

namespace Sendense.Core.Flows;

/// <summary>
/// Plans New-SendenseProtectionFlow (all that -WhatIf runs): checks the values, reads the targets, repository,
/// policy and schedule in one round trip, resolves every target (any miss stops the batch: nothing is written),
/// names one flow per target, and checks the names against the hub in a second read. Contract §6.2-§6.6.
/// </summary>
internal static class FlowCreation
{
    internal static async Task<IReadOnlyList<FlowPlanRow>> PlanAsync(IFlowStore store, FlowDefinition definition, IOperationObserver observer,
        CancellationToken cancellationToken)
    {
        string? description = FlowRules.NormalizeDescription(definition.Description);
        if (definition.Targets.Count == 0)
        {
            throw definition.TargetsGiven ? Messages.Flows.NoTargets() : Messages.Flows.NoTargetGiven();
        }

        string template = definition.Name ?? FlowRules.DefaultNameTemplate;
        bool perTarget = FlowRules.IsTemplate(template);
        if (!perTarget)
        {
            template = FlowRules.NormalizeName(template);
        }

        List<VMReference> vms = definition.Targets.Where(t => t.Kind == FlowTargetKind.VM && t.VM is not null).Select(t => t.VM!).ToList();
        List<string> groups = definition.Targets.Where(t => t.Kind == FlowTargetKind.Group && !string.IsNullOrEmpty(t.Group))
            .Select(t => t.Group!).Distinct(HubKeyComparer.Instance).ToList();
        (IReadOnlyList<string> contextIds, IReadOnlyList<string> names) = VMReferenceResolver.LookupKeys(vms);
        FlowCreationFacts facts = await store.LookUpForCreateAsync(new FlowLookup(contextIds, names, groups, definition.Repository.Trim(),
            definition.Policy?.Trim(), definition.Schedule?.Trim()), cancellationToken).ConfigureAwait(false);

        HubReference repository = Require(facts.Repository, definition.Repository, SendenseErrorCode.ProtectionFlowRepositoryNotFound, "backup repository", "-Repository");
        if (!repository.Enabled)
        {
            throw Messages.Flows.RepositoryDisabled(repository.Name, repository.Id);
        }

        HubReference? policy = definition.Policy is null ? null
            : Require(facts.Policy, definition.Policy, SendenseErrorCode.ProtectionFlowPolicyNotFound, "backup policy", "-Policy");
        HubReference? schedule = definition.Schedule is null ? null
            : Require(facts.Schedule, definition.Schedule, SendenseErrorCode.ProtectionFlowScheduleNotFound, "replication schedule", "-Schedule");

        List<(string Type, string Id, string Name, string? VCenter, object? Source, FlowGroupKey? Group)> targets = ResolveTargets(definition, vms, facts);
        if (targets.Count > 1 && !perTarget)
        {
            throw Messages.Flows.NameInvalid($"{Plural.Of(targets.Count, "target")} were given one name, '{HubText.ForMessage(template)}', but each target gets " +
                "its own flow and flow names are unique. Use a template such as -Name '{Name} nightly' ({Name}, {VCenter} and {Repository} are replaced), or leave -Name out.");
        }

        var rows = new List<FlowPlanRow>(targets.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            string name = FlowRules.NameFor(template, target.Name, target.VCenter, repository.Name);
            if (seen.TryGetValue(FlowRules.NameKey(name), out string? first))
            {
                throw Messages.Flows.NameRepeated(first, name);
            }

            seen[FlowRules.NameKey(name)] = name;
            if (target.Id.Length > FlowRules.TargetIdMaxLength)
            {
                throw Messages.Flows.ValueInvalid($"The id '{HubText.ForMessage(target.Id)}' of {target.Type} '{target.Name}' is {target.Id.Length} characters long; " +
                    $"protection_flows.target_id holds {FlowRules.TargetIdMaxLength}.");
            }

            if (target.Group is { EnabledMembers: 0 } group)
            {
                observer.Warning(Messages.Flows.GroupWithoutEnabledMembers(group.Name, group.Members));
            }

            rows.Add(new FlowPlanRow(name, description, target.Type, target.Id, target.Name, repository.Id, repository.Name, policy?.Id, schedule?.Id,
                definition.Enabled, definition.CreatedBy, target.Source));
        }

        IReadOnlyList<FlowKey> taken = await store.FindFlowsNamedAsync(rows.Select(r => r.Name).ToList(), cancellationToken).ConfigureAwait(false);
        if (taken.Count > 0)
        {
            throw Messages.Flows.NameTaken(taken.Select(holder => (Wanted: rows.Select(r => r.Name)
                .FirstOrDefault(n => FlowRules.NameKey(n) == FlowRules.NameKey(holder.Name)) ?? holder.Name, HeldBy: holder.Name, holder.Id)).ToList());
        }

        return rows;
    }

    /// <summary>The one row a repository, policy or schedule reference names, or the error that says which exist.</summary>
    internal static HubReference Require(ReferenceLookup lookup, string given, SendenseErrorCode code, string what, string parameter) =>
        lookup.Find(given.Trim()) ?? throw Messages.Flows.Missing(code, what, given.Trim(), lookup.Known, parameter);

    // Every target once, in input order; any input that is not a target stops the batch with all such inputs named.
    private static List<(string, string, string, string?, object?, FlowGroupKey?)> ResolveTargets(FlowDefinition definition, List<VMReference> vms,
        FlowCreationFacts facts)
    {
        VMResolution resolution = VMReferenceResolver.Resolve(vms, facts.VMs);
        var byReference = new Dictionary<VMReference, ManagedVMKey>();
        foreach ((VMReference reference, ManagedVMKey vm) in resolution.Matches)
        {
            byReference[reference] = vm;
        }

        var problems = resolution.Problems.Select(p => (p.Message, p.Reference.Source, Ambiguous: p.Code == SendenseErrorCode.ProtectionGroupVMAmbiguous)).ToList();
        var targets = new List<(string, string, string, string?, object?, FlowGroupKey?)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (FlowTargetReference target in definition.Targets)
        {
            if (target.Kind == FlowTargetKind.VM && target.VM is not null && byReference.TryGetValue(target.VM, out ManagedVMKey? vm))
            {
                if (taken.Add("vm:" + HubCollation.Fold(vm.ContextId)))
                {
                    targets.Add(("vm", vm.ContextId, vm.Name, vm.VCenter, target.Source, null));
                }
            }
            else if (target.Kind == FlowTargetKind.Group)
            {
                FlowGroupKey? group = target.Group is null ? null
                    : facts.Groups.FirstOrDefault(g => string.Equals(g.Id, target.Group, StringComparison.Ordinal))
                      ?? facts.Groups.FirstOrDefault(g => HubCollation.Equal(g.Id, target.Group) || HubCollation.Equal(g.Name, target.Group));
                if (group is null)
                {
                    problems.Add((target.Group is null
                        ? $"The input {target.Source} names no protection group: give Sendense.ProtectionGroup objects, group names or ids."
                        : Messages.Flows.GroupNotFound(target.Group), target.Source, false));
                }
                else if (taken.Add("group:" + group.Id))
                {
                    targets.Add(("group", group.Id, group.Name, null, target.Source, group));
                }
            }
        }

        if (problems.Count > 0)
        {
            SendenseErrorCode code = problems.Any(p => p.Ambiguous) && problems.All(p => p.Ambiguous)
                ? SendenseErrorCode.ProtectionFlowTargetAmbiguous : SendenseErrorCode.ProtectionFlowTargetNotFound;
            object? inputs = problems.Count == 1 ? problems[0].Source : problems.Select(p => p.Source).ToArray();
            throw Messages.Flows.TargetsNotFound(code, problems.Select(p => p.Message).ToList(), inputs, definition.Targets.Count);
        }

        return targets;
    }
}
