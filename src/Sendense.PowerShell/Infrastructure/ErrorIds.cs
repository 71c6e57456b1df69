using System.Management.Automation;
using Sendense.Core.Errors;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// The one mapping from core error codes to FullyQualifiedErrorId prefixes and categories. The id is the code's
/// name (PowerShell appends ",Sendense.PowerShell.Commands.&lt;Cmdlet&gt;Command"), so ids are stable public API;
/// every one is documented with its fix in docs/errors.md.
/// </summary>
internal static class ErrorIds
{
    /// <summary>The FullyQualifiedErrorId prefix for a code.</summary>
    internal static string For(SendenseErrorCode code) => code.ToString();

    /// <summary>The PowerShell category for a code.</summary>
    internal static ErrorCategory CategoryOf(SendenseErrorCode code) => code switch
    {
        SendenseErrorCode.HubNotConnected => ErrorCategory.ConnectionError,
        SendenseErrorCode.HubUnreachable => ErrorCategory.ConnectionError,
        SendenseErrorCode.HubLoginFailed => ErrorCategory.AuthenticationError,
        SendenseErrorCode.HubDatabaseNotFound => ErrorCategory.ObjectNotFound,
        SendenseErrorCode.HubConnectionClosed => ErrorCategory.ConnectionError,
        SendenseErrorCode.HubInvalidOption => ErrorCategory.InvalidArgument,
        SendenseErrorCode.HubSchemaMismatch => ErrorCategory.InvalidData,
        SendenseErrorCode.HubQueryFailed => ErrorCategory.WriteError,
        SendenseErrorCode.HubUnsupportedServer => ErrorCategory.InvalidOperation,
        SendenseErrorCode.VCenterLoginFailed => ErrorCategory.AuthenticationError,
        SendenseErrorCode.VCenterUnreachable => ErrorCategory.ConnectionError,
        SendenseErrorCode.VCenterCertificateUntrusted => ErrorCategory.SecurityError,
        SendenseErrorCode.VCenterNotAuthenticated => ErrorCategory.AuthenticationError,
        SendenseErrorCode.VCenterInvalidProperty => ErrorCategory.InvalidArgument,
        SendenseErrorCode.VCenterFault => ErrorCategory.InvalidOperation,
        SendenseErrorCode.VCenterProtocolError => ErrorCategory.ProtocolError,
        SendenseErrorCode.VCenterCredentialNotFound => ErrorCategory.ObjectNotFound,
        SendenseErrorCode.VCenterCredentialExists => ErrorCategory.ResourceExists,
        SendenseErrorCode.VCenterCredentialInactive => ErrorCategory.ResourceUnavailable,
        SendenseErrorCode.VCenterCredentialInUse => ErrorCategory.ResourceBusy,
        SendenseErrorCode.VCenterCredentialInvalid => ErrorCategory.InvalidArgument,
        SendenseErrorCode.CredentialKeyMissing => ErrorCategory.InvalidOperation,
        SendenseErrorCode.CredentialKeyInvalid => ErrorCategory.InvalidArgument,
        SendenseErrorCode.CredentialDecryptionFailed => ErrorCategory.SecurityError,
        SendenseErrorCode.CredentialPasswordCorrupt => ErrorCategory.InvalidData,
        SendenseErrorCode.CredentialPasswordNotEncrypted => ErrorCategory.SecurityError,
        SendenseErrorCode.ProtectionGroupNotFound => ErrorCategory.ObjectNotFound,
        SendenseErrorCode.ProtectionGroupNameInvalid => ErrorCategory.InvalidArgument,
        SendenseErrorCode.ProtectionGroupNameTaken => ErrorCategory.ResourceExists,
        SendenseErrorCode.ProtectionGroupValueOutOfRange => ErrorCategory.InvalidArgument,
        SendenseErrorCode.ProtectionGroupScheduleNotFound => ErrorCategory.ObjectNotFound,
        SendenseErrorCode.ProtectionGroupVMNotFound => ErrorCategory.ObjectNotFound,
        SendenseErrorCode.ProtectionGroupVMAmbiguous => ErrorCategory.InvalidArgument,
        SendenseErrorCode.ProtectionGroupNotEmpty => ErrorCategory.InvalidOperation,
        SendenseErrorCode.ProtectionGroupExecutionRunning => ErrorCategory.ResourceBusy,
        SendenseErrorCode.VCenterHostNotFound => ErrorCategory.ConnectionError,
        SendenseErrorCode.VCenterTimeout => ErrorCategory.OperationTimeout,
        SendenseErrorCode.VCenterInvalidArgument => ErrorCategory.InvalidArgument,
        SendenseErrorCode.VCenterVMNotFound => ErrorCategory.ObjectNotFound,
        SendenseErrorCode.VCenterDatacenterNotFound => ErrorCategory.ObjectNotFound,
        SendenseErrorCode.VMInvalid => ErrorCategory.InvalidData,
        SendenseErrorCode.VMValueTooLong => ErrorCategory.InvalidData,
        SendenseErrorCode.VMIsTemplate => ErrorCategory.InvalidType,
        SendenseErrorCode.VMNameConflict => ErrorCategory.ResourceExists,
        SendenseErrorCode.VMDuplicateBiosUuid => ErrorCategory.ResourceExists,
        SendenseErrorCode.VMNotFound => ErrorCategory.ObjectNotFound,
        SendenseErrorCode.VMBusy => ErrorCategory.ResourceBusy,
        SendenseErrorCode.VMCredentialUnusable => ErrorCategory.ObjectNotFound,
        SendenseErrorCode.VMWriteConflict => ErrorCategory.ResourceBusy,
        _ => ErrorCategory.NotSpecified,
    };
}
