namespace Sendense.Core.Groups;

/// <summary>Why a VM reference given to a group operation could not be used.</summary>
/// <param name="Reference">The reference as given.</param>
/// <param name="Code">The error code.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record VMReferenceProblem(VMReference Reference, SendenseErrorCode Code, string Message)
{
    /// <summary>The problem as an exception.</summary>
    public SendenseException ToException() => new SendenseException(Code, Message);
}
