namespace Sendense.Hub.Common;

/// <summary>Base of every family's store: the hub connection it works on, and how messages name that hub.</summary>
public abstract class HubStore
{
    /// <summary>A store for one hub connection.</summary>
    protected HubStore(HubConnection hub) => Connection = hub ?? throw new ArgumentNullException(nameof(hub));

    /// <summary>The hub, for messages ("user@server:port/db").</summary>
    public string Hub => Connection.ToString();

    /// <summary>The connection the store uses.</summary>
    protected HubConnection Connection { get; }
}
