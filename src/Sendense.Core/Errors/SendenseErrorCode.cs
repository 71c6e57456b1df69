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
}
