using Sendense.Core.VMs;

namespace Sendense.Core.Common;

/// <summary>The VM family's messages.</summary>
public static partial class Messages
{
    /// <summary>Adding, listing and removing managed VMs.</summary>
    public static class VMs
    {
        /// <summary>A batch lost a race or waited for a lock and is planned again.</summary>
        public static string RetryingBatch(int count, string hub, VMWriteRejectedException rejected, int attempt, int max, TimeSpan wait) =>
            $"Writing {Plural.Of(count, "VM")} to {hub} met " +
            (rejected?.Rejection == VMWriteRejection.LockWait ? "a row lock another session held" : "another writer changing the same rows") +
            $" ({rejected?.Message}); planning the batch again in {wait.TotalMilliseconds:0} ms (attempt {attempt + 1} of {max}).";

        /// <summary>A vCenter name the hub knows under another spelling (D8).</summary>
        public static string SameVCenterOtherSpelling(string given, string known, string address, int port) =>
            $"vCenter '{given}' is the vCenter the hub already knows as '{known}' (both reach {address} port {port}): its VMs are matched " +
            $"and written as '{known}', so none is added twice. Use -VCenter '{known}' to keep one spelling.";

        /// <summary>The server refused one VM's value.</summary>
        public static SendenseException ValueRefused(VMAddCandidate candidate, string hub, VMWriteRejectedException rejected) =>
            new SendenseException(SendenseErrorCode.HubQueryFailed,
                $"The hub database {hub} rejected writing {VM(candidate.Values.VMName, candidate.Values.VCenterHost)}: {Sentence(rejected.Message)}",
                rejected.InnerException ?? rejected);

        /// <summary>A batch kept losing races.</summary>
        public static SendenseException GaveUp(VMAddCandidate candidate, string hub, VMWriteRejectedException rejected, int attempts) =>
            new SendenseException(SendenseErrorCode.VMWriteConflict, rejected.Rejection == VMWriteRejection.LockWait
                ? $"Another session held a lock on the hub's rows for {VM(candidate.Values.VMName, candidate.Values.VCenterHost)} on {hub} through {attempts} attempts " +
                  $"({rejected.Message}). Nothing of its batch was written. Find the session holding it (SHOW PROCESSLIST on the hub's MariaDB), or run the command again later."
                : $"Other writers kept changing the hub's rows for {VM(candidate.Values.VMName, candidate.Values.VCenterHost)} on {hub}; gave up after {attempts} attempts " +
                  $"({rejected.Message}). Nothing of its batch was written; run the command again.", rejected.InnerException ?? rejected)
            { IsTransient = true };

        /// <summary>No managed VM has the name.</summary>
        public static SendenseException NotFoundByName(string name, string hub) => new SendenseException(SendenseErrorCode.VMNotFound,
            $"No managed VM named '{HubText.ForMessage(name)}' matches the given filters on hub {hub}. Get-SendenseVM lists what the hub manages; Add-SendenseVM adds VMs.");

        /// <summary>No managed VM has the context id.</summary>
        public static SendenseException NotFoundById(string contextId, string hub) => new SendenseException(SendenseErrorCode.VMNotFound,
            $"No managed VM has context id '{HubText.ForMessage(contextId)}' (with the given filters) on hub {hub}.");

        /// <summary>A VM to remove is busy.</summary>
        public static SendenseException Busy(VM vm, string reason) => new SendenseException(SendenseErrorCode.VMBusy,
            $"{VM(vm)} was not removed: {reason}. Wait for the job to finish (or fail back), or use -Force to remove it anyway, " +
            "which deletes its job rows with it.");

        /// <summary>Nothing to remove matches an exact request.</summary>
        public static SendenseException NothingToRemove(string hub, string what) => new SendenseException(SendenseErrorCode.VMNotFound,
            $"The hub {hub} manages no VM {what}. Get-SendenseVM lists what it manages.");

        /// <summary>The ShouldProcess action of a removal.</summary>
        public static string RemovalAction(VMRemovalTarget target)
        {
            string groups = target.VM.Groups.Length == 0 ? string.Empty : $", leaving protection group(s) {string.Join(", ", target.VM.Groups)}";
            string busy = target.BusyReason is null ? string.Empty : $" although {target.BusyReason}";
            return $"Remove from hub management with its disks and job rows{groups}{busy}";
        }

        /// <summary>Why a stored credential may not be recorded on VMs.</summary>
        public static SendenseException CredentialInactive(string name) => new SendenseException(SendenseErrorCode.VCenterCredentialInactive,
            $"vCenter credential '{name}' is inactive, so the hub could not use it for these VMs. Enable it with: Set-SendenseVCenterCredential -Name '{name}' -Active $true")
        { StopsCommand = true };

        /// <summary>The credential named with -VCenterCredential does not exist: the add cannot go on.</summary>
        public static SendenseException CredentialNotFound(string hub, string identity) => new SendenseException(SendenseErrorCode.VCenterCredentialNotFound,
            $"The hub {hub} has no vCenter credential {identity}. List them with Get-SendenseVCenterCredential.")
        { StopsCommand = true };

        /// <summary>A credential is recorded on VMs of another vCenter.</summary>
        public static string CredentialForOtherVCenter(string credential, string credentialVCenter, string other) =>
            $"Credential '{credential}' is for vCenter {credentialVCenter}, but VMs of vCenter {other} are being added with it; the hub's backups of those VMs will log in to the wrong vCenter.";

        /// <summary>No stored credential could be matched to a vCenter's VMs.</summary>
        public static string NoCredentialMatched(string vcenter, string why) =>
            $"VMs of vCenter {vcenter} are added without a stored credential because {why}. The hub's backups need one: add them with -VCenterCredential <name>, or create one with New-SendenseVCenterCredential.";

        /// <summary>A stored credential was matched to a vCenter's VMs.</summary>
        public static string CredentialMatched(string vcenter, string credential, int id, string why) =>
            $"VMs of vCenter {vcenter} get stored credential '{credential}' (id {id}) because {why}.";

        /// <summary>Counting a credential's use failed after the work it served was done.</summary>
        public static string UseNotCounted(int credentialId, string reason) => $"Could not count the use of vCenter credential {credentialId}: {reason}";

        /// <summary>An add was stopped: what had been committed by then.</summary>
        public static string AddStopped(int committed, string hub) =>
            $"Add-SendenseVM was stopped. {Plural.Of(committed, "VM")} had been written to hub {hub} by then (the batch in flight was rolled back); " +
            "the objects of the last batch may not have been output. Get-SendenseVM lists what landed; running the same add again completes it.";

        private static string Sentence(string text)
        {
            string trimmed = (text ?? string.Empty).Trim();
            return trimmed.EndsWith(".", StringComparison.Ordinal) ? trimmed : trimmed + ".";
        }
    }
}
