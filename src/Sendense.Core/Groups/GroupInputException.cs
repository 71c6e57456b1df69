namespace Sendense.Core.Groups;

/// <summary>
/// A failure that stops a group command because of particular inputs (VMs the hub does not manage, a group that does
/// not exist): the error record's TargetObject is <see cref="Inputs"/>, not the command's whole input, so a runbook
/// sees which item was wrong.
/// </summary>
public sealed class GroupInputException : SendenseException
{
    /// <summary>Creates the exception.</summary>
    public GroupInputException(SendenseErrorCode code, string message, object? inputs)
        : base(code, message)
    {
        Inputs = inputs;
    }

    /// <summary>The input at fault, or an array of them.</summary>
    public object? Inputs { get; }
}
