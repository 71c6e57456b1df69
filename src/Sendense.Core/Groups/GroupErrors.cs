namespace Sendense.Core.Groups;

/// <summary>
/// The protection group errors, worded once. The service raises most of them; the store raises the ones only the
/// database can notice (another session took the name, removed a VM, the group or the schedule between the checks and
/// the write), with the same words.
/// </summary>
public static class GroupErrors
{
    /// <summary>Another group has the name; the message names that group, its id, and says how the hub compares names.</summary>
    public static SendenseException NameTaken(string name, GroupKey holder) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupNameTaken,
            $"The hub already has a protection group named '{(holder ?? throw new ArgumentNullException(nameof(holder))).Name}' (id {holder.Id}), " +
            $"and group names are unique {HowNamesCompare(name, holder.Name)}, so '{name}' cannot be used. Choose another name, " +
            $"or add VMs to that group with Add-SendenseProtectionGroupMember -Group '{holder.Name}'.");

    /// <summary>The database refused the name, and the group that took it is already gone again.</summary>
    public static SendenseException NameTakenConcurrently(string name, Exception innerException) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupNameTaken,
            $"Another session created a protection group named '{name}' at the same time. Nothing was written; choose another name.", innerException);

    /// <summary>A member VM left the hub while the group was written.</summary>
    public static SendenseException VMRemovedDuringWrite(string groupNames, Exception innerException) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupVMNotFound,
            $"A VM was removed from the hub while protection group '{groupNames}' was being written. Nothing was written; run the command again.", innerException);

    /// <summary>The group was removed while VMs were added to it.</summary>
    public static SendenseException GroupRemovedDuringWrite(string groupNames, Exception innerException) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupNotFound,
            $"Protection group '{groupNames}' was removed by someone else while VMs were being added. Nothing was written.", innerException);

    /// <summary>The chosen schedule was removed while the group was written.</summary>
    public static SendenseException ScheduleRemovedDuringWrite(string groupName, Exception innerException) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupScheduleNotFound,
            $"The schedule chosen for protection group '{groupName}' was removed while the group was being written. Nothing was written; choose another schedule.", innerException);

    /// <summary>No schedule has the name or id; the message lists some that do exist.</summary>
    public static SendenseException ScheduleNotFound(string schedule, IReadOnlyList<string> known)
    {
        string existing = (known ?? throw new ArgumentNullException(nameof(known))).Count == 0
            ? "The hub has no replication schedules yet; create one in the hub first, or leave -Schedule out."
            : "Schedules in the hub: " + string.Join(", ", known.Take(10).Select(name => "'" + name + "'")) + (known.Count > 10 ? ", ..." : ".");
        return new SendenseException(SendenseErrorCode.ProtectionGroupScheduleNotFound,
            $"The hub has no replication schedule with the name or id '{schedule}'. {existing}");
    }

    /// <summary>
    /// D14: VMs were asked for (-VM given, or input piped) and none came: a runbook whose VM query came back empty
    /// gets an error instead of an empty group.
    /// </summary>
    public static SendenseException NoVMs(string groupName) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupNoVMs,
            $"Protection group '{groupName}' was not created: VMs were given (with -VM or through the pipeline), but none of the input " +
            "names a VM, so the group would be empty. Check the command that produced the VMs. To create an empty group " +
            "on purpose, leave -VM out and pipe nothing, or add -AllowEmpty.");

    /// <summary>The group still has members and -Force was not given.</summary>
    public static SendenseException NotEmpty(string groupName, int members) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupNotEmpty,
            $"Protection group '{groupName}' still has {Plural.Of(members, "VM")}. Remove them first " +
            $"(Get-SendenseProtectionGroupMember -Group '{groupName}' | Remove-SendenseProtectionGroupMember), " +
            "or use -Force to remove the group with its memberships (the VMs stay managed).");

    /// <summary>A schedule execution of the group runs and -Force was not given.</summary>
    public static SendenseException ExecutionRunning(string groupName, int running) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupExecutionRunning,
            $"Protection group '{groupName}' has {Plural.Of(running, "schedule execution")} running. Wait for it to finish, " +
            "or use -Force to remove the group anyway (the execution keeps running without a group).");

    /// <summary>The same failure, made to stop the command whatever its code's policy (a batch that wrote nothing).</summary>
    public static SendenseException Stopping(SendenseException exception) =>
        (exception ?? throw new ArgumentNullException(nameof(exception))).StopsCommand == true
            ? exception
            : new SendenseException(exception.Code, exception.Message, exception.InnerException) { IsTransient = exception.IsTransient, StopsCommand = true };

    /// <summary>
    /// Makes a failure of a one-batch command stop it, whatever its code's usual policy: the batch was not written,
    /// and nothing after it can be. Errors about particular inputs already say what they do.
    /// </summary>
    public static async Task<T> StopOnFailure<T>(Task<T> work)
    {
        try
        {
            return await (work ?? throw new ArgumentNullException(nameof(work))).ConfigureAwait(false);
        }
        catch (SendenseException exception) when (exception is not GroupInputException && !ErrorTable.Stops(exception))
        {
            throw Stopping(exception);
        }
    }

    /// <summary>
    /// True for the failures of one group (not of the hub): they are per item where a command handles groups one by one.
    /// The group family's codes run from ProtectionGroupNotFound (400) to the last one appended, ProtectionGroupNoVMs.
    /// </summary>
    public static bool IsAboutTheGroup(SendenseException exception) =>
        (exception ?? throw new ArgumentNullException(nameof(exception))).Code is >= SendenseErrorCode.ProtectionGroupNotFound and <= SendenseErrorCode.ProtectionGroupNoVMs;

    // D10: say so when the hub treats two names as one although they differ in more than letter case.
    private static string HowNamesCompare(string name, string holder) => HubCollation.EqualOnlyToTheHub(name, holder)
        ? $"as the hub compares them ({HubCollation.Name}: case, accents and trailing spaces are ignored, so '{name}' is '{holder}' to the hub)"
        : "ignoring case and trailing spaces";
}
