namespace Sendense.Core.VSphere.Types;

/// <summary>The session vCenter reports after Login or for SessionManager.currentSession.</summary>
internal sealed class UserSession
{
    internal string Key { get; init; } = string.Empty;

    internal string UserName { get; init; } = string.Empty;

    internal string FullName { get; init; } = string.Empty;
}
