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

        internal static string Ms(TimeSpan wait) => wait.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
    }
}
