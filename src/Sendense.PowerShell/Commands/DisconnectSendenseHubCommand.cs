namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Closes a hub connection.</para>
/// <para type="description">Closes the given connection (the default one when none is given), empties its
/// connection pool and removes $global:DefaultSendenseHub when it pointed at it. Using a closed connection later
/// gives a clear error instead of silently reconnecting.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "SendenseHub")]
[OutputType(typeof(void))]
public sealed class DisconnectSendenseHubCommand : SendenseCmdlet
{
    /// <summary>The connection to close; the default connection when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public HubConnection? Hub { get; set; }

    private bool _sawInput;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (Hub is null)
        {
            return;
        }

        _sawInput = true;
        Close(Hub);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (!_sawInput)
        {
            HubConnection? current = HubSessionState.GetDefault(SessionState);
            if (current is null)
            {
                WriteVerbose("No default hub connection to close.");
            }
            else
            {
                Close(current);
            }
        }
    }

    private void Close(HubConnection hub)
    {
        Sendense.Core.Hub.HubService.Disconnect(hub);
        if (ReferenceEquals(HubSessionState.GetDefault(SessionState), hub))
        {
            HubSessionState.ClearDefault(SessionState);
        }

        WriteVerbose($"Closed hub connection {hub}.");
    }
}
