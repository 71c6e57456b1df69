using System.Security;
using System.Xml;
using Sendense.Core.VSphere.Methods;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere;

/// <summary>Login, Logout and the check of a borrowed session (SessionManager.currentSession).</summary>
internal sealed class SessionManager
{
    private readonly SoapTransport _transport;
    private readonly ManagedObjectReference _self;

    internal SessionManager(SoapTransport transport, ManagedObjectReference self)
    {
        _transport = transport;
        _self = self;
    }

    internal Task<UserSession> LoginAsync(string userName, SecureString password, CancellationToken cancellationToken) =>
        SessionManagerMethods.LoginAsync(_transport, _self, userName, password, cancellationToken);

    // If this does not reach vCenter, the session times out there (30 minutes idle).
    /// <summary>Logs out within the connection's cleanup budget (3 s shared with the other cleanups); never throws (a failed logout must not hide the real outcome).</summary>
    internal Task LogoutQuietlyAsync() =>
        _transport.CleanupQuietlyAsync(token => SessionManagerMethods.LogoutAsync(_transport, _self, token));

    /// <summary>
    /// The session the cookie belongs to, or null when it is not authenticated. vCenter may say so in three ways: no
    /// value, a NotAuthenticated missingSet entry, or a NotAuthenticated fault; all three mean null here.
    /// </summary>
    internal async Task<UserSession?> CurrentSessionAsync(PropertyCollector collector, CancellationToken cancellationToken)
    {
        var spec = new PropertyFilterSpec(
            new[] { new PropertySpec("SessionManager", "currentSession") },
            new[] { new ObjectSpec(_self) });
        var visitor = new CurrentSessionVisitor();
        try
        {
            await collector.RetrieveAsync(spec, 0, visitor, cancellationToken).ConfigureAwait(false);
        }
        catch (VimFaultException fault) when (fault.Fault.IsNotAuthenticated)
        {
            return null;
        }

        return visitor.Session;
    }

    private sealed class CurrentSessionVisitor : IObjectContentVisitor
    {
        internal UserSession? Session { get; private set; }

        public void BeginObject(ManagedObjectReference obj)
        {
        }

        public void Property(string name, XmlReader reader)
        {
            if (name == "currentSession")
            {
                Session = SessionManagerMethods.ReadUserSession(reader);
            }
            else
            {
                reader.Skip();
            }
        }

        public void Missing(string path, VimFault fault)
        {
        }

        public void EndObject()
        {
        }
    }
}
