namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// A fault returned by vCenter (a SOAP Fault, or NotAuthenticated in a missingSet). Internal: the client turns it
/// into a SendenseException with a message that names the vCenter (<see cref="VimErrors"/>).
/// </summary>
internal sealed class VimFaultException : Exception
{
    internal VimFaultException(string method, VimFault fault)
        : base(method + " failed: " + fault)
    {
        Method = method;
        Fault = fault;
    }

    /// <summary>The SOAP method that failed.</summary>
    internal string Method { get; }

    internal VimFault Fault { get; }
}
