namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of every cmdlet that reads or writes the hub database: the -Hub parameter and the fallback to
/// $global:DefaultSendenseHub live here, in one place.
/// </summary>
public abstract class HubCmdlet : SendenseCmdlet
{
    /// <summary>The hub connection to use; defaults to $global:DefaultSendenseHub set by Connect-SendenseHub.</summary>
    [Parameter]
    [ValidateNotNull]
    public HubConnection? Hub { get; set; }

    /// <summary>The connection this invocation uses, or a terminating error that says how to get one.</summary>
    protected HubConnection ResolveHub()
    {
        HubConnection? hub = Hub ?? HubSessionState.GetDefault(SessionState);
        if (hub is null)
        {
            Stop(new SendenseException(SendenseErrorCode.HubNotConnected,
                "No hub connection. Run Connect-SendenseHub first, or pass a connection with -Hub."), null);
        }

        try
        {
            hub.EnsureOpen();
        }
        catch (SendenseException exception)
        {
            Stop(exception, hub);
        }

        return hub;
    }

    /// <summary>The default hub when one is connected, else null; for cmdlets where a hub is optional.</summary>
    protected HubConnection? TryResolveHub()
    {
        HubConnection? hub = Hub ?? HubSessionState.GetDefault(SessionState);
        return hub is { IsOpen: true } ? hub : null;
    }
}
