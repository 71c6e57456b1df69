using System.Management.Automation;
using Sendense.Core.Errors;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>Builds error records: the right id and category, the input item as TargetObject, a clean message.</summary>
internal static class SendenseErrors
{
    /// <summary>An error record for any exception; SendenseExceptions carry their code.</summary>
    internal static ErrorRecord Create(Exception exception, object? target)
    {
        if (exception is SendenseException sendense)
        {
            return new ErrorRecord(sendense, ErrorIds.For(sendense.Code), ErrorIds.CategoryOf(sendense.Code), target);
        }

        if (exception is OperationCanceledException)
        {
            return new ErrorRecord(exception, "OperationStopped", ErrorCategory.OperationStopped, target);
        }

        return new ErrorRecord(exception, ErrorIds.For(SendenseErrorCode.Unexpected), ErrorCategory.NotSpecified, target);
    }

    /// <summary>An error record for a code and message, without an exception from below.</summary>
    internal static ErrorRecord Create(SendenseErrorCode code, string message, object? target) =>
        Create(new SendenseException(code, message), target);
}
