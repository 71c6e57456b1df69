namespace Sendense.Core.Errors;

/// <summary>
/// The one exception type the core throws for expected failures. The message names the system involved (the
/// vCenter, the hub, the VM) and says what to do; it never contains a secret.
/// </summary>
public class SendenseException : Exception
{
    /// <summary>Creates an exception with a code and a user-facing message.</summary>
    public SendenseException(SendenseErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>What went wrong.</summary>
    public SendenseErrorCode Code { get; }

    /// <summary>True when retrying the same operation later may succeed (network blips, deadlocks).</summary>
    public bool IsTransient { get; init; }

    /// <summary>
    /// Whether this failure stops the command; null leaves it to the code's policy in <see cref="ErrorTable"/>. Set by
    /// a use case whose single target failed in a way that is per item elsewhere (Add-SendenseProtectionGroupMember
    /// with a group that does not exist).
    /// </summary>
    public bool? StopsCommand { get; init; }

    /// <summary>
    /// What the error is about, when the use case knows better than the cmdlet (the vCenter that refused a login in a
    /// run that adds VMs): the error record's TargetObject. Null leaves it to the cmdlet.
    /// </summary>
    public object? Target { get; init; }
}
