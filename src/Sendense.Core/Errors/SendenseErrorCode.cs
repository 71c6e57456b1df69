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

    // --- protection groups ----------------------------------------------------------------------
    /// <summary>No protection group has the given name or id.</summary>
    ProtectionGroupNotFound = 400,

    /// <summary>A group name is empty, too long or contains control characters.</summary>
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
}
