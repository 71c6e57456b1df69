namespace Sendense.Core.Groups;

/// <summary>
/// The read-only half of New-SendenseProtectionGroup (all that -WhatIf runs): checks the definition, then the name,
/// the schedule and every member VM against the hub in one round trip. Any problem stops the command before anything
/// is written; VM problems come together in one error, because the group lands whole or not at all.
/// </summary>
internal static class GroupCreationPlanner
{
    internal static async Task<ProtectionGroupCreationPlan> PlanAsync(IGroupStore store, ProtectionGroupDefinition definition,
        IOperationObserver observer, CancellationToken cancellationToken)
    {
        string name = ProtectionGroupRules.NormalizeName(definition.Name);
        string? description = ProtectionGroupRules.NormalizeDescription(definition.Description);
        int maxConcurrentVMs = ProtectionGroupRules.CheckMaxConcurrentVMs(definition.MaxConcurrentVMs);
        int priority = ProtectionGroupRules.CheckPriority(definition.Priority);
        int memberPriority = ProtectionGroupRules.CheckPriority(definition.MemberPriority, "MemberPriority");
        string? schedule = string.IsNullOrWhiteSpace(definition.Schedule) ? null : definition.Schedule!.Trim();
        IReadOnlyList<VMReference> members = definition.Members;
        if (definition.MembersGiven && members.Count == 0 && !definition.AllowEmpty)
        {
            throw GroupErrors.NoVMs(name);
        }

        (IReadOnlyList<string> contextIds, IReadOnlyList<string> vmNames) = VMReferenceResolver.LookupKeys(members);
        GroupCreationFacts facts = await store.LookUpForCreateAsync(name, schedule, contextIds, vmNames, cancellationToken).ConfigureAwait(false);
        if (facts.NameHolder is not null)
        {
            throw GroupErrors.NameTaken(name, facts.NameHolder);
        }

        ScheduleReference? scheduleReference = null;
        if (schedule is not null)
        {
            scheduleReference = GroupMatcher.Schedule(schedule, facts.Schedule ?? new ScheduleLookup(Array.Empty<ScheduleReference>(), Array.Empty<string>()));
            Say(observer, GroupMatcher.Note("schedule", schedule, scheduleReference.Name));
        }

        VMResolution resolution = VMReferenceResolver.Resolve(members, facts.Candidates);
        ThrowIfProblems(resolution.Problems, members.Count, $"Protection group '{name}' was not created");
        return new ProtectionGroupCreationPlan(name, description, scheduleReference, maxConcurrentVMs, priority, memberPriority, resolution);
    }

    /// <summary>
    /// Stops the command when some VMs could not be used: the batch is all or nothing, so nothing is written. One
    /// error lists them (the first few in the message, all of them as its TargetObject).
    /// </summary>
    internal static void ThrowIfProblems(IReadOnlyList<VMReferenceProblem> problems, int inputCount, string whatWasNotDone)
    {
        if (problems.Count == 0)
        {
            return;
        }

        const int Shown = 5;
        string details = string.Join(" ", problems.Take(Shown).Select(problem => problem.Message));
        if (problems.Count > Shown)
        {
            details += $" ... and {problems.Count - Shown} more (all of them are in the error's TargetObject).";
        }

        string message = $"{whatWasNotDone}: {Plural.Of(problems.Count, "input")} of {inputCount.ToString(CultureInfo.InvariantCulture)} could not be used, " +
            $"and nothing was written. {details}";
        object? inputs = problems.Count == 1 ? problems[0].Reference.Source : problems.Select(problem => problem.Reference.Source).ToArray();
        SendenseErrorCode code = problems.Any(problem => problem.Code == SendenseErrorCode.ProtectionGroupVMNotFound)
            ? SendenseErrorCode.ProtectionGroupVMNotFound
            : problems[0].Code;
        throw new GroupInputException(code, message, inputs);
    }

    internal static void Say(IOperationObserver observer, string? note)
    {
        if (note is not null)
        {
            observer.Verbose(note);
        }
    }
}
