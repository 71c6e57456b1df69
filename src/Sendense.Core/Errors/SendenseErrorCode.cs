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
}
