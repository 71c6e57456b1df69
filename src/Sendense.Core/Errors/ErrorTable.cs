namespace Sendense.Core.Errors;

/// <summary>What a failure of a code does to the command that meets it.</summary>
public enum ErrorPolicy
{
    /// <summary>Going on makes no sense (the hub is gone, the login was refused, the one target is invalid): a terminating error.</summary>
    Stop,

    /// <summary>Only this input failed: a non-terminating error, and the command goes on with the others.</summary>
    Item,
}

/// <summary>The PowerShell ErrorCategory (by name, so that the core needs no PowerShell type) and the policy of a code.</summary>
/// <param name="Category">The name of the System.Management.Automation.ErrorCategory value.</param>
/// <param name="Policy">What an exception of this code does when a use case throws it.</param>
public sealed record ErrorEntry(string Category, ErrorPolicy Policy);

/// <summary>
/// The one error-id table of the module, for every family. The FullyQualifiedErrorId is the code's name (PowerShell
/// appends ",Sendense.PowerShell.Commands.&lt;Cmdlet&gt;Command"), so ids are stable public API; docs/errors.md lists
/// each with its fix, and a test keeps the two equal. Per-item failures a use case reports as outcomes are always
/// non-terminating; the policy here decides what a thrown exception does (a use case can still say, per exception,
/// that it stops the command: <see cref="SendenseException.StopsCommand"/>).
/// </summary>
public static class ErrorTable
{
    private static readonly Dictionary<SendenseErrorCode, ErrorEntry> Entries = new Dictionary<SendenseErrorCode, ErrorEntry>
    {
        [SendenseErrorCode.HubNotConnected] = new ErrorEntry("ConnectionError", ErrorPolicy.Stop),
        [SendenseErrorCode.HubUnreachable] = new ErrorEntry("ConnectionError", ErrorPolicy.Stop),
        [SendenseErrorCode.HubLoginFailed] = new ErrorEntry("AuthenticationError", ErrorPolicy.Stop),
        [SendenseErrorCode.HubDatabaseNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.HubConnectionClosed] = new ErrorEntry("ConnectionError", ErrorPolicy.Stop),
        [SendenseErrorCode.HubInvalidOption] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),
        [SendenseErrorCode.HubSchemaMismatch] = new ErrorEntry("InvalidData", ErrorPolicy.Stop),
        [SendenseErrorCode.HubQueryFailed] = new ErrorEntry("WriteError", ErrorPolicy.Item),
        [SendenseErrorCode.HubUnsupportedServer] = new ErrorEntry("InvalidOperation", ErrorPolicy.Stop),
        [SendenseErrorCode.HubPermissionDenied] = new ErrorEntry("PermissionDenied", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterLoginFailed] = new ErrorEntry("AuthenticationError", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterUnreachable] = new ErrorEntry("ConnectionError", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterCertificateUntrusted] = new ErrorEntry("SecurityError", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterNotAuthenticated] = new ErrorEntry("AuthenticationError", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterInvalidProperty] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterFault] = new ErrorEntry("InvalidOperation", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterProtocolError] = new ErrorEntry("ProtocolError", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterHostNotFound] = new ErrorEntry("ConnectionError", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterTimeout] = new ErrorEntry("OperationTimeout", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterInvalidArgument] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterVMNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Item),
        [SendenseErrorCode.VCenterDatacenterNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Item),
        [SendenseErrorCode.VMInvalid] = new ErrorEntry("InvalidData", ErrorPolicy.Item),
        [SendenseErrorCode.VMValueTooLong] = new ErrorEntry("InvalidData", ErrorPolicy.Item),
        [SendenseErrorCode.VMIsTemplate] = new ErrorEntry("InvalidType", ErrorPolicy.Item),
        [SendenseErrorCode.VMNameConflict] = new ErrorEntry("ResourceExists", ErrorPolicy.Item),
        [SendenseErrorCode.VMDuplicateBiosUuid] = new ErrorEntry("ResourceExists", ErrorPolicy.Item),
        [SendenseErrorCode.VMNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Item),
        [SendenseErrorCode.VMBusy] = new ErrorEntry("ResourceBusy", ErrorPolicy.Item),
        [SendenseErrorCode.VMCredentialUnusable] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.VMWriteConflict] = new ErrorEntry("ResourceBusy", ErrorPolicy.Item),
        [SendenseErrorCode.ProtectionGroupNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Item),
        [SendenseErrorCode.ProtectionGroupNameInvalid] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionGroupNameTaken] = new ErrorEntry("ResourceExists", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionGroupValueOutOfRange] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionGroupScheduleNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionGroupVMNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionGroupVMAmbiguous] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionGroupNotEmpty] = new ErrorEntry("InvalidOperation", ErrorPolicy.Item),
        [SendenseErrorCode.ProtectionGroupExecutionRunning] = new ErrorEntry("ResourceBusy", ErrorPolicy.Item),
        [SendenseErrorCode.ProtectionGroupNoVMs] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.VCenterCredentialNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Item),
        [SendenseErrorCode.VCenterCredentialExists] = new ErrorEntry("ResourceExists", ErrorPolicy.Item),
        [SendenseErrorCode.VCenterCredentialInactive] = new ErrorEntry("ResourceUnavailable", ErrorPolicy.Item),
        [SendenseErrorCode.VCenterCredentialInUse] = new ErrorEntry("ResourceBusy", ErrorPolicy.Item),
        [SendenseErrorCode.VCenterCredentialInvalid] = new ErrorEntry("InvalidArgument", ErrorPolicy.Item),
        [SendenseErrorCode.CredentialKeyMissing] = new ErrorEntry("InvalidOperation", ErrorPolicy.Stop),
        [SendenseErrorCode.CredentialKeyInvalid] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),
        [SendenseErrorCode.CredentialDecryptionFailed] = new ErrorEntry("SecurityError", ErrorPolicy.Item),
        [SendenseErrorCode.CredentialPasswordCorrupt] = new ErrorEntry("InvalidData", ErrorPolicy.Item),
        [SendenseErrorCode.CredentialPasswordNotEncrypted] = new ErrorEntry("SecurityError", ErrorPolicy.Item),
        [SendenseErrorCode.CredentialKeyMismatch] = new ErrorEntry("SecurityError", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Item),
        [SendenseErrorCode.ProtectionFlowNameInvalid] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowNameTaken] = new ErrorEntry("ResourceExists", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowTargetNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowTargetAmbiguous] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowRepositoryNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowRepositoryDisabled] = new ErrorEntry("ResourceUnavailable", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowPolicyNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowScheduleNotFound] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowExecutionRunning] = new ErrorEntry("ResourceBusy", ErrorPolicy.Item),
        [SendenseErrorCode.ProtectionFlowNoTargets] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Stop),
        [SendenseErrorCode.ProtectionFlowValueInvalid] = new ErrorEntry("InvalidArgument", ErrorPolicy.Stop),

        // Refresh (700-799).
        [SendenseErrorCode.RefreshNotManaged] = new ErrorEntry("ObjectNotFound", ErrorPolicy.Item),
        [SendenseErrorCode.RefreshNoCredential] = new ErrorEntry("AuthenticationError", ErrorPolicy.Item),
        [SendenseErrorCode.HubLockWaitExceeded] = new ErrorEntry("ResourceBusy", ErrorPolicy.Item),
        [SendenseErrorCode.Unexpected] = new ErrorEntry("NotSpecified", ErrorPolicy.Stop),
    };

    /// <summary>Every code with its entry.</summary>
    public static IReadOnlyDictionary<SendenseErrorCode, ErrorEntry> All => Entries;

    /// <summary>The entry of a code; an unknown code is treated like Unexpected.</summary>
    public static ErrorEntry Of(SendenseErrorCode code) =>
        Entries.TryGetValue(code, out ErrorEntry? entry) ? entry : Entries[SendenseErrorCode.Unexpected];

    /// <summary>Whether <paramref name="exception"/> stops the command: its own say, else its code's policy.</summary>
    public static bool Stops(SendenseException exception) =>
        (exception ?? throw new ArgumentNullException(nameof(exception))).StopsCommand ?? Of(exception.Code).Policy == ErrorPolicy.Stop;
}
