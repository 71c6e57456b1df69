namespace Sendense.Core.Errors;

/// <summary>
/// What went wrong, independent of PowerShell. The cmdlet layer maps each code to one FullyQualifiedErrorId and
/// ErrorCategory (Sendense.PowerShell/Infrastructure/ErrorIds.cs); docs/errors.md lists them all with the fix.
/// Add new codes at the end of their area.
/// </summary>
public enum SendenseErrorCode
{
    /// <summary>Anything not classified below.</summary>
    Unexpected = 0,

    // --- hub connection and schema -------------------------------------------------------------
    /// <summary>No hub connection was given and none is the default.</summary>
    HubNotConnected = 100,

    /// <summary>The hub's MariaDB server could not be reached (refused, DNS, timeout, TLS).</summary>
    HubUnreachable,

    /// <summary>The hub's MariaDB server refused the user name or password.</summary>
    HubLoginFailed,

    /// <summary>The named database does not exist on the server.</summary>
    HubDatabaseNotFound,

    /// <summary>The connection object was closed by Disconnect-SendenseHub.</summary>
    HubConnectionClosed,

    /// <summary>A connection option is invalid (bad connection string, port out of range...).</summary>
    HubInvalidOption,

    /// <summary>The hub database lacks tables or columns the module needs.</summary>
    HubSchemaMismatch,

    /// <summary>A statement failed on the hub database.</summary>
    HubQueryFailed,

    /// <summary>The server is not a MariaDB the hub schema can live on (MySQL, or MariaDB older than 10.4).</summary>
    HubUnsupportedServer = 108,

    /// <summary>The database user lacks a privilege the module needs (named in the message).</summary>
    HubPermissionDenied = 109,

    // --- vCenter --------------------------------------------------------------------------------
    /// <summary>vCenter refused the user name or password.</summary>
    VCenterLoginFailed = 200,

    /// <summary>vCenter could not be reached (refused, DNS, timeout).</summary>
    VCenterUnreachable,

    /// <summary>The vCenter certificate is not trusted and no matching thumbprint was pinned.</summary>
    VCenterCertificateUntrusted,

    /// <summary>The session is not (or no longer) authenticated.</summary>
    VCenterNotAuthenticated,

    /// <summary>vCenter rejected a property path.</summary>
    VCenterInvalidProperty,

    /// <summary>Any other SOAP fault returned by vCenter.</summary>
    VCenterFault,

    /// <summary>vCenter answered with something that is not a vim25 SOAP response.</summary>
    VCenterProtocolError,

    /// <summary>The vCenter host name does not resolve (DNS).</summary>
    VCenterHostNotFound,

    /// <summary>vCenter did not answer (or stopped sending) within the timeout.</summary>
    VCenterTimeout,

    /// <summary>A vCenter address, session object or other vCenter argument is not usable.</summary>
    VCenterInvalidArgument,

    /// <summary>No VM matched a name (without wildcards) or identity that was asked for.</summary>
    VCenterVMNotFound,

    /// <summary>No datacenter matched a name (without wildcards) that was asked for.</summary>
    VCenterDatacenterNotFound,

    // --- VM management (vm_replication_contexts, vm_disks) ---------------------------------------
    /// <summary>A VM lacks a value the hub requires (name, BIOS uuid, path, vCenter, datacenter) or has an invalid one.</summary>
    VMInvalid = 300,

    /// <summary>A VM value is longer than its hub column allows (e.g. a name of more than 255 characters).</summary>
    VMValueTooLong,

    /// <summary>The object is a template, which the hub cannot protect.</summary>
    VMIsTemplate,

    /// <summary>Another VM with the same name (and another BIOS uuid) is already managed on that vCenter, or comes earlier in the input.</summary>
    VMNameConflict,

    /// <summary>Another VM with the same BIOS uuid is already managed on that vCenter, or comes earlier in the input (a clone).</summary>
    VMDuplicateBiosUuid,

    /// <summary>No managed VM matches the given context id or name.</summary>
    VMNotFound,

    /// <summary>The VM has a running replication or backup job, or is failed over; it is left alone unless -Force is given.</summary>
    VMBusy,

    /// <summary>The stored vCenter credential to record on the VMs does not exist or is disabled.</summary>
    VMCredentialUnusable,

    /// <summary>Other writers kept changing the same rows; the batch was not written after several attempts.</summary>
    VMWriteConflict,

    // --- protection groups ----------------------------------------------------------------------
    /// <summary>No protection group has the given name or id.</summary>
    ProtectionGroupNotFound = 400,

    /// <summary>A group name is empty, too long or contains a character that is not printable (control, lone surrogate, zero-width, bidi override).</summary>
    ProtectionGroupNameInvalid,

    /// <summary>Another group already has the name (names compare case-insensitively, ignoring trailing spaces).</summary>
    ProtectionGroupNameTaken,

    /// <summary>A group setting (concurrency, priority, description length) is out of range.</summary>
    ProtectionGroupValueOutOfRange,

    /// <summary>The replication schedule given for a group does not exist.</summary>
    ProtectionGroupScheduleNotFound,

    /// <summary>A VM given as a group member is not managed by the hub.</summary>
    ProtectionGroupVMNotFound,

    /// <summary>A VM name given as a group member matches several managed VMs (on different vCenters).</summary>
    ProtectionGroupVMAmbiguous,

    /// <summary>The group still has members; removing it needs -Force.</summary>
    ProtectionGroupNotEmpty,

    /// <summary>A schedule execution of the group is running; removing it needs -Force.</summary>
    ProtectionGroupExecutionRunning,

    /// <summary>VMs were given for a new group (with -VM or through the pipeline) but none of the input names a VM; -AllowEmpty creates it empty.</summary>
    ProtectionGroupNoVMs,

    // --- vCenter credentials stored in the hub ---------------------------------------------------
    /// <summary>No stored vCenter credential has that name or id.</summary>
    VCenterCredentialNotFound = 500,

    /// <summary>A stored vCenter credential with that name already exists (names are compared without regard to case).</summary>
    VCenterCredentialExists,

    /// <summary>The stored vCenter credential is inactive, so it cannot be used to log in.</summary>
    VCenterCredentialInactive,

    /// <summary>VMs in the hub still use the credential (vm_replication_contexts.credential_id).</summary>
    VCenterCredentialInUse,

    /// <summary>A credential field is empty, too long or contradicts another.</summary>
    VCenterCredentialInvalid,

    /// <summary>No credential encryption key was given (parameter, key file or MIGRATEKIT_CRED_ENCRYPTION_KEY).</summary>
    CredentialKeyMissing,

    /// <summary>The credential encryption key is unreadable, not base64 or not 32 bytes.</summary>
    CredentialKeyInvalid,

    /// <summary>The stored password does not decrypt with the key: another hub's key, or a changed value.</summary>
    CredentialDecryptionFailed,

    /// <summary>The stored password value is damaged (an empty TEMP_PLAINTEXT_ value, a truncated ciphertext).</summary>
    CredentialPasswordCorrupt,

    /// <summary>The stored password is in clear (a hub without a key wrote it) and plaintext was not allowed.</summary>
    CredentialPasswordNotEncrypted,

    /// <summary>The key decrypts none of the passwords already stored in the hub, so a password encrypted with it would be unreadable there.</summary>
    CredentialKeyMismatch,

    // --- protection flows (issue 11) ------------------------------------------------------------
    /// <summary>No protection flow has that name or id.</summary>
    ProtectionFlowNotFound = 600,

    /// <summary>A flow name is empty, too long, unprintable, or several targets were given one name without {Name}.</summary>
    ProtectionFlowNameInvalid,

    /// <summary>Another flow has the name (protection_flows compares names with utf8mb4_unicode_ci: case and trailing spaces ignored).</summary>
    ProtectionFlowNameTaken,

    /// <summary>A flow's target VM or protection group does not exist, or the input names neither.</summary>
    ProtectionFlowTargetNotFound,

    /// <summary>A VM name given as a flow's target matches several managed VMs.</summary>
    ProtectionFlowTargetAmbiguous,

    /// <summary>No backup repository has that name or id.</summary>
    ProtectionFlowRepositoryNotFound,

    /// <summary>The backup repository is disabled.</summary>
    ProtectionFlowRepositoryDisabled,

    /// <summary>No backup policy has that name or id.</summary>
    ProtectionFlowPolicyNotFound,

    /// <summary>No replication schedule has that name or id.</summary>
    ProtectionFlowScheduleNotFound,

    /// <summary>An execution of the flow is running; removing it needs -Force.</summary>
    ProtectionFlowExecutionRunning,

    /// <summary>Targets were given (with -VM, -ProtectionGroup or the pipeline) but none of the input names one; nothing was created.</summary>
    ProtectionFlowNoTargets,

    /// <summary>A flow value is out of range (a description over 65,535 bytes).</summary>
    ProtectionFlowValueInvalid,

    // --- Refresh (Update-SendenseVM, discovery across vCenters; 700-799) ------------------------
    /// <summary>A VM being refreshed is no longer managed (another command removed it during the refresh).</summary>
    RefreshNotManaged = 700,

    /// <summary>No way into the vCenter of managed VMs: no stored credential recorded or unambiguous, or an explicit one for another vCenter.</summary>
    RefreshNoCredential,

    /// <summary>A batch waited longer than the bound (120 s, SENDENSE_HUB_LOCK_WAIT_SECONDS) for rows another session keeps locked; nothing of it was written.</summary>
    HubLockWaitExceeded,
}
