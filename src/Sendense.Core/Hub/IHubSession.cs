namespace Sendense.Core.Hub;

/// <summary>
/// The engine side of a hub connection (implemented in Sendense.Hub, which lives in the module's private load
/// context). The core and the cmdlets hold it through this interface only.
/// </summary>
public interface IHubSession : IDisposable
{
    /// <summary>True once Disconnect-SendenseHub closed it.</summary>
    public bool IsClosed { get; }

    /// <summary>
    /// True while the server could not be reached the last time the session tried (a failed open, or a connection lost
    /// mid-command); false again as soon as a connection opens.
    /// </summary>
    public bool IsUnreachable { get; }
}
