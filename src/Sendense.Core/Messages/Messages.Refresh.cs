namespace Sendense.Core.Common;

/// <summary>The refresh family's messages (Update-SendenseVM, the fan-out across vCenters, retries).</summary>
public static partial class Messages
{
    /// <summary>Update-SendenseVM.</summary>
    public static class Refresh
    {
        /// <summary>What will be read.</summary>
        public static string Plan(int vms, int vcenters, int logins) =>
            $"Refreshing {Plural.Of(vms, "managed VM")} from {Plural.Of(vcenters, "vCenter")} ({Plural.Of(logins, "login")}).";

        /// <summary>One login's read.</summary>
        public static string Reading(int vms, string vcenter) =>
            $"Reading {Plural.Of(vms, "managed VM")} from vCenter {vcenter} by BIOS uuid (full properties only for those VMs).";

        /// <summary>A VM vCenter no longer has.</summary>
        public static string Missing(VM vm, string vcenter) =>
            $"{VM(vm)} (BIOS uuid {vm.BiosUuid}) is no longer in vCenter {vcenter}: reported as Missing and left in the hub " +
            "(-RemoveMissing removes such VMs).";

        /// <summary>A vCenter that failed: its VMs are untouched.</summary>
        public static SendenseException VCenterFailed(string vcenter, int vms, SendenseException error) =>
            new SendenseException(error.Code,
                $"vCenter {vcenter} could not be read, so its {Plural.Of(vms, "managed VM")} were left as they are (none is reported Missing): " +
                error.Message, error)
            { IsTransient = error.IsTransient, Target = vcenter };

        /// <summary>An explicit way in for another vCenter than the VMs'.</summary>
        public static SendenseException AccessForOtherVCenter(string vcenter, string given, int vms) =>
            new SendenseException(SendenseErrorCode.RefreshNoCredential,
                $"The way in given is for vCenter {given}, not {vcenter}: its {Plural.Of(vms, "managed VM")} were not refreshed. " +
                $"Refresh them with their stored credentials (no -Credential/-VCenterCredential/-VIServer), or add -VCenter {given} to refresh only that vCenter's VMs.")
            { Target = vcenter };

        /// <summary>No credential for a vCenter's VMs.</summary>
        public static SendenseException NoCredential(string vcenter, string why, int vms) =>
            new SendenseException(SendenseErrorCode.RefreshNoCredential,
                $"{Plural.Of(vms, "managed VM")} of vCenter {vcenter} record no stored credential and {why}, so they were not refreshed. " +
                $"Give -VCenter {vcenter} -Credential <PSCredential>, or store one with New-SendenseVCenterCredential -VCenter {vcenter}.")
            { Target = vcenter };

        /// <summary>Disks gone from vCenter whose rows a job owns.</summary>
        public static string JobOwnedDisksKept(Sendense.Core.VMs.VMAddDecision decision) =>
            $"{decision.Candidate}: {string.Join(", ", decision.KeptDisks.Select(d => $"{d.DiskId} (job {d.JobId})"))} " +
            "no longer in vCenter, but a job owns the row(s), so they are kept (the hub's jobs rely on them).";

        /// <summary>A stop during the refresh.</summary>
        public static string Stopped(int committed, string hub) =>
            $"Update-SendenseVM was stopped. {Plural.Of(committed, "VM")} had been written to hub {hub} by then (the batch in flight was rolled back); " +
            "running the same refresh again completes it.";

        private static string VM(VM vm) => $"VM '{HubText.ForMessage(vm.Name)}' ({vm.ContextId})";
    }

    /// <summary>Discovery across vCenters.</summary>
    public static class FanOut
    {
        /// <summary>What a credential pattern matched.</summary>
        public static string CredentialsMatched(string pattern, IReadOnlyList<string> names) =>
            names.Count == 0
                ? $"-VCenterCredential '{pattern}' matches no active stored credential."
                : $"-VCenterCredential '{pattern}' matches {Plural.Of(names.Count, "active stored credential")}: {string.Join(", ", names)}.";
    }

    /// <summary>Retries of transient faults, on either side.</summary>
    public static class Retries
    {
        /// <summary>A vCenter request is sent again.</summary>
        public static string RetryingVCenter(string vcenter, string method, string fault, TimeSpan wait, int nextAttempt, int maxAttempts) =>
            $"vCenter {vcenter}: {method} met a transient fault ({fault}); sending it again in {Ms(wait)} ms (attempt {nextAttempt} of {maxAttempts}).";

        /// <summary>-AllowInsecureHttp (D1).</summary>
        public static string PlainHttp(string vcenter) =>
            $"-AllowInsecureHttp: vCenter {vcenter} is reached over plain http, so the user name, the password and the session cookie cross the network " +
            "in clear and anyone on the path can read them or impersonate vCenter. Use https (the default) outside a lab.";

        /// <summary>http:// refused without the opt-in (D1).</summary>
        public static SendenseException PlainHttpRefused(string server) => new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
            $"'{server}' is a plain http address: the vCenter password would be sent in clear. Use https://, or add -AllowInsecureHttp for a lab vCenter " +
            "(a warning then says what is exposed).");

        /// <summary>A batch that lost a race or met a lock is planned and written again (each time said in -Verbose).</summary>
        public static string RetryingBatch(int count, string hub, Sendense.Core.VMs.VMWriteRejectedException rejected, int attempt, int max, TimeSpan wait, TimeSpan waited) =>
            $"Writing {Plural.Of(count, "VM")} to {hub} met " + (rejected?.Rejection switch
            {
                Sendense.Core.VMs.VMWriteRejection.LockWait => "a row lock another session holds",
                Sendense.Core.VMs.VMWriteRejection.ConnectionLost => "a lost connection before its commit (a new connection is open; what landed is read again, nothing is written twice)",
                _ => "another writer changing the same rows",
            }) + $" ({rejected?.Message}); planning the batch again in {Ms(wait)} ms (attempt {attempt + 1} of {max}, {Seconds(waited)} s so far).";

        /// <summary>A long lock wait (D5).</summary>
        public static string WaitingForLock(int count, string hub, TimeSpan waited, TimeSpan bound) =>
            $"Writing {Plural.Of(count, "VM")} to {hub} has waited {Seconds(waited)} s for rows another session keeps locked (an open transaction). " +
            $"The command gives up after {Seconds(bound)} s in all ({RetryPolicy.LockWaitVariable} sets that bound); find the holder with " +
            "SELECT * FROM information_schema.INNODB_TRX on the hub's MariaDB.";

        /// <summary>The bound on lock waits was reached (D5): worded for one lock holder.</summary>
        public static SendenseException LockHeld(Sendense.Core.VMs.VMAddCandidate candidate, string hub, Sendense.Core.VMs.VMWriteRejectedException rejected, int attempts, TimeSpan waited) =>
            new SendenseException(SendenseErrorCode.HubLockWaitExceeded,
                $"Another session held a lock on the hub's rows for {candidate} on {hub}: this batch waited {Seconds(waited)} s over {attempts} attempts " +
                $"({rejected.Message}). Nothing of its batch was written. Find the session holding it (SHOW PROCESSLIST, or information_schema.INNODB_TRX, " +
                $"on the hub's MariaDB) and end its transaction, then run the command again; {RetryPolicy.LockWaitVariable} raises the bound " +
                $"({Seconds(RetryPolicy.DefaultLockWait)} s by default).", rejected.InnerException ?? rejected)
            { IsTransient = true };

        internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);

        internal static string Ms(TimeSpan wait) => wait.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
    }
}
