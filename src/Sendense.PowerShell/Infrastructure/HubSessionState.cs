namespace Sendense.PowerShell.Infrastructure;

/// <summary>Reads and writes $global:DefaultSendenseHub, the connection cmdlets use when -Hub is not given.</summary>
internal static class HubSessionState
{
    internal const string DefaultVariableName = "DefaultSendenseHub";
    private const string GlobalName = "global:" + DefaultVariableName;

    internal static HubConnection? GetDefault(SessionState state)
    {
        object? value = state.PSVariable.GetValue(GlobalName);
        return (value is PSObject wrapped ? wrapped.BaseObject : value) as HubConnection;
    }

    internal static void SetDefault(SessionState state, HubConnection hub) =>
        state.PSVariable.Set(GlobalName, hub);

    internal static void ClearDefault(SessionState state)
    {
        if (state.PSVariable.Get(GlobalName) is not null)
        {
            state.PSVariable.Remove(GlobalName);
        }
    }
}
