namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Builds error records from the one error table (Sendense.Core.Errors.ErrorTable): the code's name as the id, its
/// category, the input item as TargetObject, the exception's message (which never holds a secret).
/// </summary>
internal static class ErrorRecords
{
    /// <summary>An error record for any exception; SendenseExceptions carry their code.</summary>
    internal static ErrorRecord Create(Exception exception, object? target)
    {
        if (exception is SendenseException sendense)
        {
            return new ErrorRecord(sendense, sendense.Code.ToString(), CategoryOf(sendense.Code), sendense.Target ?? target);
        }

        if (exception is OperationCanceledException)
        {
            return new ErrorRecord(exception, "OperationStopped", ErrorCategory.OperationStopped, target);
        }

        return new ErrorRecord(exception, nameof(SendenseErrorCode.Unexpected), ErrorCategory.NotSpecified, target);
    }

    /// <summary>The PowerShell category of a code.</summary>
    internal static ErrorCategory CategoryOf(SendenseErrorCode code) =>
        Enum.TryParse(ErrorTable.Of(code).Category, out ErrorCategory category) ? category : ErrorCategory.NotSpecified;
}
