namespace Sendense.Core.VSphere;

/// <summary>
/// Carries an exception thrown by the consumer of streamed objects (a visitor, an observer) through the SOAP layer
/// untouched: it is the consumer's failure, not vCenter's, and must not be reported as a transport error. The
/// retrieval still releases its server-side result set on the way out.
/// </summary>
internal sealed class VisitorAbortedException : Exception
{
    internal VisitorAbortedException(Exception inner)
        : base("The consumer of the retrieved objects failed: " + inner.Message, inner)
    {
    }
}
