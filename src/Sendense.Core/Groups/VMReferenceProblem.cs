namespace Sendense.Core.Groups;

/// <summary>Why one VM reference could not be turned into a managed VM.</summary>
public sealed class VMReferenceProblem
{
    /// <summary>Creates a problem.</summary>
    public VMReferenceProblem(VMReference reference, SendenseErrorCode code, string message)
    {
        Reference = reference;
        Code = code;
        Message = message;
    }

    /// <summary>The reference (its Source is the pipeline input).</summary>
    public VMReference Reference { get; }

    /// <summary>ProtectionGroupVMNotFound or ProtectionGroupVMAmbiguous.</summary>
    public SendenseErrorCode Code { get; }

    /// <summary>The user-facing message.</summary>
    public string Message { get; }

    /// <summary>The problem as an exception, for an error record.</summary>
    public SendenseException ToException() => new SendenseException(Code, Message);
}
