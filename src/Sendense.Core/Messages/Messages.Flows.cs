using Sendense.Core.Flows;

namespace Sendense.Core.Common;

/// <summary>The protection flow family's messages.</summary>
public static partial class Messages
{
    /// <summary>Protection flows, backup repositories and policies, protection status.</summary>
    public static class Flows
    {
        /// <summary>Said in the help and on -Verbose after a write: this module writes rows, the hub runs them.</summary>
        public const string HubRunsFlows =
            "Starting a flow is the hub's job (POST /api/v1/protection-flows/{id}/execute on its REST API); the hub does not yet run flows on their schedule.";

        /// <summary>No flow has the name or id.</summary>
        public static SendenseException NotFound(string given, string hub) => new SendenseException(SendenseErrorCode.ProtectionFlowNotFound,
            $"No protection flow has the name or id '{HubText.ForMessage(given)}' on hub {hub}. Get-SendenseProtectionFlow lists them.");

        /// <summary>A flow name the module will not write.</summary>
        public static SendenseException NameInvalid(string why) => new SendenseException(SendenseErrorCode.ProtectionFlowNameInvalid, why);

        /// <summary>Set-SendenseProtectionFlow given a value and its clearing switch at once.</summary>
        public static SendenseException ChangeConflicts() => new SendenseException(SendenseErrorCode.ProtectionFlowValueInvalid,
            "Give -Policy or -ClearPolicy (and -Schedule or -ClearSchedule), not both; nothing was changed.");

        /// <summary>Set-SendenseProtectionFlow given nothing to change.</summary>
        public const string NothingToChange =
            "Nothing to change: give -NewName, -Description, -Repository, -Policy, -ClearPolicy, -Schedule, -ClearSchedule or -Enabled.";

        /// <summary>Names already held by other flows (as protection_flows compares them).</summary>
        public static SendenseException NameTaken(IReadOnlyList<(string Wanted, string HeldBy, string Id)> taken) =>
            new SendenseException(SendenseErrorCode.ProtectionFlowNameTaken,
                $"The hub already has {Plural.Of(taken.Count, "protection flow")} with the name" + (taken.Count == 1 ? " " : "s ") +
                string.Join(", ", taken.Take(5).Select(t => string.Equals(t.Wanted, t.HeldBy, StringComparison.Ordinal)
                    ? $"'{HubText.ForMessage(t.HeldBy)}' (id {t.Id})"
                    : $"'{HubText.ForMessage(t.Wanted)}' (held by '{HubText.ForMessage(t.HeldBy)}', id {t.Id})")) +
                (taken.Count > 5 ? ", ..." : string.Empty) +
                ". Flow names are unique as the hub's protection_flows table compares them (utf8mb4_unicode_ci: case and trailing spaces are ignored). " +
                "Nothing was written; choose another -Name (for several targets a template such as '{Name} nightly').");

        /// <summary>Two targets of one command would get one name.</summary>
        public static SendenseException NameRepeated(string first, string second) => new SendenseException(SendenseErrorCode.ProtectionFlowNameTaken,
            $"Two of the flows to create would be named '{HubText.ForMessage(first)}' and '{HubText.ForMessage(second)}', which the hub treats as one name " +
            "(case and trailing spaces are ignored). Nothing was written; use a -Name template that tells them apart, such as '{Name} ({VCenter})'.");

        /// <summary>The name was taken by another session between the check and the write.</summary>
        public static SendenseException NameTakenConcurrently(string detail, Exception inner) => new SendenseException(SendenseErrorCode.ProtectionFlowNameTaken,
            $"Another session created a protection flow with one of these names at the same time ({detail}). Nothing was written; run the command again.", inner);

        /// <summary>A repository, policy or schedule reference that matched nothing.</summary>
        public static SendenseException Missing(SendenseErrorCode code, string what, string given, IReadOnlyList<string> known, string parameter)
        {
            string existing = (known ?? throw new ArgumentNullException(nameof(known))).Count == 0
                ? $"The hub has no {what} yet."
                : $"Those in the hub: " + string.Join(", ", known.Take(10).Select(name => "'" + name + "'")) + (known.Count > 10 ? ", ..." : ".");
            return new SendenseException(code, $"The hub has no {what} with the name or id '{HubText.ForMessage(given)}'. {existing} " +
                $"Nothing was written; give another {parameter} (tab completion offers them).");
        }

        /// <summary>The repository is disabled.</summary>
        public static SendenseException RepositoryDisabled(string name, string id) => new SendenseException(SendenseErrorCode.ProtectionFlowRepositoryDisabled,
            $"Backup repository '{HubText.ForMessage(name)}' (id {id}) is disabled: the hub GUI offers only enabled repositories and a flow to it would " +
            "protect nothing. Nothing was written; enable it in the hub or choose an enabled one (Get-SendenseBackupRepository).");

        /// <summary>Targets were given but none arrived.</summary>
        public static SendenseException NoTargets() => new SendenseException(SendenseErrorCode.ProtectionFlowNoTargets,
            "No protection flow was created: targets were given (with -VM, -ProtectionGroup or through the pipeline), but none of the input names " +
            "a VM or a protection group. Check the command that produced them.");

        /// <summary>Nothing to flow at all.</summary>
        public static SendenseException NoTargetGiven() => new SendenseException(SendenseErrorCode.ProtectionFlowNoTargets,
            "Give the flow's target: pipe Sendense.VM or Sendense.ProtectionGroup objects, or use -VM or -ProtectionGroup.");

        /// <summary>Inputs that are not targets; nothing written.</summary>
        public static SendenseException TargetsNotFound(SendenseErrorCode code, IReadOnlyList<string> problems, object? inputs, int total) =>
            new SendenseException(code, $"{Plural.Of(problems.Count, "input")} of {total} cannot be used as a flow target; no flow was created. " +
                string.Join(" ", problems.Take(5)) + (problems.Count > 5 ? $" (and {problems.Count - 5} more)" : string.Empty)) { Target = inputs };

        /// <summary>A group that has gone.</summary>
        public static string GroupNotFound(string given) =>
            $"The hub has no protection group with the name or id '{HubText.ForMessage(given)}' (Get-SendenseProtectionGroup lists them).";

        /// <summary>A target or repository removed while the flows were written.</summary>
        public static SendenseException RemovedDuringWrite(string what) => new SendenseException(SendenseErrorCode.ProtectionFlowTargetNotFound,
            $"{what} was removed by another session while the protection flows were being written. Nothing was written; run the command again.");

        /// <summary>A group target whose members are all disabled (or that has none).</summary>
        public static string GroupWithoutEnabledMembers(string group, int members) => members == 0
            ? $"Protection group '{HubText.ForMessage(group)}' has no members: its flow backs up nothing until VMs join it (Add-SendenseProtectionGroupMember)."
            : $"Protection group '{HubText.ForMessage(group)}' has {Plural.Of(members, "member")} but none enabled: the hub backs up only enabled memberships, so its flow backs up nothing.";

        /// <summary>A value out of range.</summary>
        public static SendenseException ValueInvalid(string why) => new SendenseException(SendenseErrorCode.ProtectionFlowValueInvalid, why);

        /// <summary>Remove met a running execution.</summary>
        public static SendenseException ExecutionRunning(string flow, int running) => new SendenseException(SendenseErrorCode.ProtectionFlowExecutionRunning,
            $"Protection flow '{HubText.ForMessage(flow)}' has {Plural.Of(running, "execution")} running (the hub GUI locks it too). Wait for it to finish, " +
            "or use -Force: the flow and its execution rows are removed, backup jobs already started keep running.");

        /// <summary>The ShouldProcess action of a new flow.</summary>
        public static string CreateAction(FlowPlanRow row) =>
            $"Create {(row.Enabled ? string.Empty : "disabled ")}backup flow of {row.TargetType} '{HubText.ForMessage(row.TargetName)}' to repository '{HubText.ForMessage(row.RepositoryName)}'";
    }
}
