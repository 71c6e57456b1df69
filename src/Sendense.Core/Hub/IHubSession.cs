namespace Sendense.Core.Hub;

/// <summary>
/// The engine side of a hub connection (implemented in Sendense.Hub, which lives in the module's private load
/// context). The core and the cmdlets hold it through this interface only.
/// </summary>
public interface IHubSession : IDisposable
{
    /// <summary>True once Disconnect-SendenseHub closed it.</summary>
    public bool IsClosed { get; }
}
