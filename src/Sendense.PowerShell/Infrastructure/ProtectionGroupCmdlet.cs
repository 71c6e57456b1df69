using System.Management.Automation;
using Sendense.Core.Groups;
using Sendense.Hub.Groups;
using Sendense.PowerShell.Parameters;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the protection group cmdlets: turning pipeline input into VM references, looking groups up with
/// not-found errors that carry the input, and the warnings and errors every group cmdlet words the same way.
/// </summary>
public abstract class ProtectionGroupCmdlet : HubCmdlet
{
    /// <summary>Adds the references of one -VM argument (an array when given on the command line) to <paramref name="into"/>.</summary>
    internal static void CollectVMs(IEnumerable<PSObject?>? inputs, List<VMReference> into)
    {
        if (inputs is null)
        {
            return;
        }

        foreach (PSObject? input in inputs)
        {
            VMReference? reference = VMInput.From(input);
            if (reference is not null)
            {
                into.Add(reference);
            }
        }
    }

    /// <summary>
    /// Looks the identities up in one query. Missing groups are written as non-terminating errors, or, with
    /// <paramref name="terminating"/>, stop the command. Returns the found groups by identity.
    /// </summary>
    internal Dictionary<ProtectionGroupIdentity, ProtectionGroup> ResolveGroups(HubConnection hub, IReadOnlyList<ProtectionGroupIdentity> identities,
        bool terminating)
    {
        var found = new Dictionary<ProtectionGroupIdentity, ProtectionGroup>();
        if (identities.Count == 0)
        {
            return found;
        }

        IReadOnlyList<(ProtectionGroupIdentity Identity, ProtectionGroup? Group)> resolved;
        try
        {
            resolved = Await(token => ProtectionGroupEngine.ResolveGroupsAsync(hub, identities, token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, identities.Count == 1 ? identities[0] : identities);
            return found;
        }

        foreach ((ProtectionGroupIdentity identity, ProtectionGroup? group) in resolved)
        {
            if (group is not null)
            {
                found[identity] = group;
                continue;
            }

            SendenseException missing = identity.NotFound();
            if (terminating)
            {
                ThrowSendenseError(missing, identity);
            }

            WriteSendenseError(missing, identity);
        }

        return found;
    }

    /// <summary>
    /// Stops the command when some VMs could not be used: the batch is all or nothing, so nothing is written.
    /// One error lists them (the first few in the message, all in TargetObject).
    /// </summary>
    internal void ThrowIfVMProblems(IReadOnlyList<VMReferenceProblem> problems, int inputCount, string whatWasNotDone)
    {
        if (problems.Count == 0)
        {
            return;
        }

        const int shown = 5;
        string details = string.Join(" ", problems.Take(shown).Select(problem => problem.Message));
        if (problems.Count > shown)
        {
            details += $" ... and {problems.Count - shown} more (all of them are in the error's TargetObject).";
        }

        string message = $"{whatWasNotDone}: {Count(problems.Count, "input")} of {inputCount.ToString(CultureInfo.InvariantCulture)} could not be used, " +
            $"and nothing was written. {details}";
        object? target = problems.Count == 1 ? problems[0].Reference.Source : problems.Select(problem => problem.Reference.Source).ToArray();
        SendenseErrorCode code = problems.Any(problem => problem.Code == SendenseErrorCode.ProtectionGroupVMNotFound)
            ? SendenseErrorCode.ProtectionGroupVMNotFound
            : problems[0].Code;
        ThrowSendenseError(new SendenseException(code, message), target);
    }

    /// <summary>Warns when the hub GUI will refuse to add VMs to the group (see ProtectionGroupRules.IsAtHubGuiCapacity).</summary>
    internal void WarnAboutGuiCapacity(string groupName, int memberCount, int maxConcurrentVMs)
    {
        if (ProtectionGroupRules.IsAtHubGuiCapacity(memberCount, maxConcurrentVMs))
        {
            WriteWarning(ProtectionGroupRules.CapacityWarning(groupName, memberCount, maxConcurrentVMs));
        }
    }

    /// <summary>"1 VM", "12 VMs".</summary>
    internal static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>A short list of names for ShouldProcess and verbose messages: the first few, then how many more.</summary>
    internal static string NameList(IEnumerable<string> names, int shown = 5)
    {
        List<string> all = names.ToList();
        string list = string.Join(", ", all.Take(shown));
        return all.Count > shown ? $"{list} and {all.Count - shown} more" : list;
    }
}
