using System.Security;
using Sendense.Core.VSphere.Methods;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere;

/// <summary>
/// One authenticated vim25 session on one vCenter: the transport, the service content and the managers. It either
/// owns its session (Login with a user and password; <see cref="CloseAsync"/> logs out, and a lost session can be
/// renewed once) or borrows one (a cookie, e.g. PowerCLI's; never logged out, never renewed).
/// </summary>
internal sealed class VimClient : IDisposable
{
    /// <summary>Newest API version this client was tested against; SOAPAction never asks for more.</summary>
    internal const string NewestTestedApiVersion = "8.0.3.0";

    private readonly SoapTransport _transport;
    private readonly string? _userName;
    private readonly SecureString? _password;
    private bool _loggedIn;

    private VimClient(SoapTransport transport, ServiceContent content, string? userName, SecureString? password)
    {
        _transport = transport;
        Content = content;
        _userName = userName;
        _password = password;
        OwnsSession = password is not null;
        Properties = new PropertyCollector(transport, content.PropertyCollector);
        Views = new ViewManager(transport, content.ViewManager);
        Sessions = new SessionManager(transport, content.SessionManager);
    }

    internal ServiceContent Content { get; }

    internal PropertyCollector Properties { get; }

    internal ViewManager Views { get; }

    internal SessionManager Sessions { get; }

    /// <summary>The server as the user typed it.</summary>
    internal string Server => _transport.Server;

    /// <summary>True when this client logged in itself (and so may log in again and must log out).</summary>
    internal bool OwnsSession { get; }

    /// <summary>The user the session belongs to, as vCenter reports it.</summary>
    internal string SessionUser { get; private set; } = string.Empty;

    /// <summary>The SOAPAction version in use.</summary>
    internal string ApiVersion { get; private set; } = string.Empty;

    internal SoapTransport Transport => _transport;

    /// <summary>Connects, reads the service content, and logs in (or checks the borrowed session).</summary>
    internal static async Task<VimClient> ConnectAsync(VCenterConnectionOptions options,
        System.Net.Http.HttpMessageHandler? handler, CancellationToken cancellationToken, Action<string>? verbose = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        bool borrowed = options.UsesBorrowedSession;
        if (!borrowed && (string.IsNullOrEmpty(options.UserName) || options.Password is null))
        {
            throw new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                $"No credential for vCenter {options.Server}: give a user name and password, or an existing session.");
        }

        Uri sdk = VCenterAddress.ToSdkUri(options.Server, options.AllowInsecureHttp);
        var policy = new ServerCertificatePolicy(options.Thumbprint, options.SkipCertificateCheck);
        var transport = new SoapTransport(options.Server, sdk, policy, options.Timeout, handler);
        transport.Verbose = verbose;
        transport.Errors.UserName = options.UserName;
        transport.Errors.BorrowedSession = borrowed;
        VimClient? client = null;
        try
        {
            ServiceContent content = await ServiceInstanceMethods.RetrieveServiceContentAsync(transport, cancellationToken).ConfigureAwait(false);
            transport.Errors.ServerProduct = content.About.FullName.Length > 0 ? content.About.FullName : null;
            string version = NegotiateVersion(content.About.ApiVersion);
            transport.SoapAction = "urn:vim25/" + version;
            if (content.ViewManager.IsEmpty)
            {
                throw transport.Errors.Protocol("the service content has no ViewManager");
            }

            client = new VimClient(transport, content, options.UserName, borrowed ? null : options.Password!.Copy()) { ApiVersion = version };
            if (borrowed)
            {
                transport.Cookie = SessionCookie.Normalize(options.SessionCookie!);
                UserSession? session = await client.Sessions.CurrentSessionAsync(client.Properties, cancellationToken).ConfigureAwait(false);
                if (session is null)
                {
                    throw transport.Errors.FromFault(new VimFaultException("RetrievePropertiesEx",
                        new VimFault("NotAuthenticated", string.Empty, new System.Collections.Generic.Dictionary<string, string>())));
                }

                client.SessionUser = session.UserName;
            }
            else
            {
                await client.LoginAsync(cancellationToken).ConfigureAwait(false);
            }

            return client;
        }
        catch (Exception exception)
        {
            if (client is not null)
            {
                client.Dispose();
            }
            else
            {
                transport.Dispose();
            }

            if (exception is OperationCanceledException)
            {
                throw;
            }

            throw transport.Errors.FromTransport(exception, timedOut: false);
        }
    }

    /// <summary>Logs in again after the session was lost (only for an owned session).</summary>
    internal async Task LogInAgainAsync(CancellationToken cancellationToken)
    {
        if (!OwnsSession)
        {
            throw new InvalidOperationException("A borrowed session cannot be renewed.");
        }

        _transport.Cookie = null;
        _loggedIn = false;
        await LoginAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Maps any failure of a call on this client to a SendenseException that names the vCenter.</summary>
    internal Exception Map(Exception exception) =>
        exception is OperationCanceledException ? exception : _transport.Errors.FromTransport(exception, timedOut: false);

    /// <summary>Logs out when this client owns the session, then releases the connection. Never throws.</summary>
    internal async Task CloseAsync()
    {
        if (OwnsSession && _loggedIn)
        {
            _loggedIn = false;
            await Sessions.LogoutQuietlyAsync().ConfigureAwait(false);
        }

        Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _transport.Dispose();
        _password?.Dispose();
    }

    private async Task LoginAsync(CancellationToken cancellationToken)
    {
        UserSession session = await Sessions.LoginAsync(_userName!, _password!, cancellationToken).ConfigureAwait(false);
        SessionUser = session.UserName.Length > 0 ? session.UserName : _userName!;
        _loggedIn = true;
    }

    /// <summary>The server's newest version, capped at the newest tested one; 7.0 when the server does not say.</summary>
    internal static string NegotiateVersion(string serverApiVersion)
    {
        if (string.IsNullOrWhiteSpace(serverApiVersion))
        {
            return "7.0";
        }

        return VimXml.CompareVersions(serverApiVersion, NewestTestedApiVersion) > 0 ? NewestTestedApiVersion : serverApiVersion.Trim();
    }
}
