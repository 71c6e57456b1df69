using System.Security;

namespace Sendense.Core.VSphere;

/// <summary>
/// How to reach and authenticate to one vCenter: the server as the user typed it, and either a user name with a
/// SecureString password (a session this client creates and logs out) or an existing vmware_soap_session cookie (a
/// borrowed session, e.g. PowerCLI's, which is never logged out). TLS: verified by default, a pinned thumbprint, or
/// the explicit opt-out; always per connection.
/// </summary>
public sealed class VCenterConnectionOptions
{
    /// <summary>Default time without any progress (no connection, no response, no bytes) before a call fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>The vCenter as the user gave it: vc01, vc01:8443, [fd00::1], or https://vc01/sdk.</summary>
    public string Server { get; set; } = string.Empty;

    /// <summary>User name for Login (with <see cref="Password"/>).</summary>
    public string? UserName { get; set; }

    /// <summary>Password for Login. Kept as a SecureString; it becomes characters only while the Login body is written.</summary>
    public SecureString? Password { get; set; }

    /// <summary>
    /// An existing session's vmware_soap_session cookie value (quotes optional), e.g. PowerCLI's
    /// $DefaultVIServer.SessionSecret. The session is checked, used, and never logged out.
    /// </summary>
    public string? SessionCookie { get; set; }

    /// <summary>A certificate thumbprint (SHA-256 or SHA-1) to accept when the certificate is not otherwise trusted.</summary>
    public CertificateThumbprint? Thumbprint { get; set; }

    /// <summary>Accept any certificate. Only for labs: it lets anyone on the path impersonate vCenter.</summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>How long a call may go without progress (connecting, waiting for the answer, or between bytes).</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Accept a plain http:// address (labs only: the password crosses the network in clear; D1).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>True when the address is plain http (the caller warns: the password crosses the connection in clear).</summary>
    public bool IsPlainHttp => Server.TrimStart().StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The vCenter as discovery output and the hub record it (vcenter_host): <see cref="Server"/> as typed, or the
    /// host (and non-default port) of a URL.
    /// </summary>
    public string HostName => VCenterAddress.HostOf(Server);

    /// <summary>True when a session cookie is given (and the session is borrowed).</summary>
    public bool UsesBorrowedSession => !string.IsNullOrEmpty(SessionCookie);

    /// <summary>Options for a user name and password, e.g. from a stored vCenter credential.</summary>
    public static VCenterConnectionOptions ForCredential(string server, string userName, SecureString password) => new VCenterConnectionOptions
    {
        Server = server,
        UserName = userName,
        Password = password,
    };

    /// <summary>Options for an existing session cookie (borrowed, never logged out).</summary>
    public static VCenterConnectionOptions ForSession(string server, string sessionCookie) => new VCenterConnectionOptions
    {
        Server = server,
        SessionCookie = sessionCookie,
    };

    /// <summary>A copy whose password is an independent SecureString (callers may dispose theirs).</summary>
    internal VCenterConnectionOptions Copy() => new VCenterConnectionOptions
    {
        Server = Server,
        UserName = UserName,
        Password = Password?.Copy(),
        SessionCookie = SessionCookie,
        Thumbprint = Thumbprint,
        SkipCertificateCheck = SkipCertificateCheck,
        Timeout = Timeout,
        AllowInsecureHttp = AllowInsecureHttp,
    };

    /// <inheritdoc />
    public override string ToString() => Server;
}
