using System.Net.Sockets;
using System.Security.Authentication;
using System.Xml;

namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// Turns faults and transport failures into SendenseExceptions whose messages name the vCenter and say what to do.
/// One instance per connection: it knows the server as the user typed it and the TLS policy's refused certificate.
/// </summary>
internal sealed class VimErrors
{
    private readonly string _server;
    private readonly Uri _sdk;
    private readonly ServerCertificatePolicy _certificates;
    private readonly TimeSpan _timeout;

    internal VimErrors(string server, Uri sdk, ServerCertificatePolicy certificates, TimeSpan timeout)
    {
        _server = server;
        _sdk = sdk;
        _certificates = certificates;
        _timeout = timeout;
    }

    /// <summary>The user name of the session, for login messages.</summary>
    internal string? UserName { get; set; }

    /// <summary>True when the session is borrowed (PowerCLI): a lost session cannot be renewed here.</summary>
    internal bool BorrowedSession { get; set; }

    /// <summary>The server's product string once known, for reports about API mismatches.</summary>
    internal string? ServerProduct { get; set; }

    internal SendenseException FromFault(VimFaultException exception)
    {
        VimFault fault = exception.Fault;
        string serverSays = fault.Message.Length > 0 ? $" (vCenter says: {fault.Message.TrimEnd('.')}.)" : string.Empty;
        switch (fault.TypeName)
        {
            case "InvalidLogin":
                return new SendenseException(SendenseErrorCode.VCenterLoginFailed,
                    $"vCenter {_server} refused the user name or password{(UserName is null ? string.Empty : $" for '{UserName}'")}.{serverSays} " +
                    "Check the credential; the login was not retried, so this command cannot lock the account out.", exception);
            case "NotAuthenticated":
                return new SendenseException(SendenseErrorCode.VCenterNotAuthenticated,
                    BorrowedSession
                        ? $"The session on vCenter {_server} is no longer valid: the PowerCLI session has expired or was disconnected. Run Connect-VIServer again, or use -VCenter with -Credential."
                        : $"The session on vCenter {_server} is no longer valid (it expired or was closed on the server) and logging in again did not help. Run the command again; if it keeps happening, check the vCenter session limits.",
                    exception);
            case "InvalidProperty":
                return new SendenseException(SendenseErrorCode.VCenterInvalidProperty,
                    $"vCenter {_server}{(ServerProduct is null ? string.Empty : $" ({ServerProduct})")} rejected the property path '{fault.Field("name") ?? "?"}' in {exception.Method}. " +
                    "The module's property list does not match this vCenter's API: please report it with the vCenter version.", exception);
            case "NoPermission":
                return new SendenseException(SendenseErrorCode.VCenterFault,
                    $"The vCenter {_server} user{(UserName is null ? string.Empty : $" '{UserName}'")} lacks the privilege {fault.Field("privilegeId") ?? "?"} on {fault.Field("object") ?? "an object"}.{serverSays} " +
                    "Give the user at least the Read-only role on the inventory.", exception);
            case "ManagedObjectNotFound":
                return new SendenseException(SendenseErrorCode.VCenterFault,
                    $"An object vCenter {_server} listed no longer exists ({fault.Field("obj") ?? "?"}) during {exception.Method}: the inventory changed while it was read. Run the command again.", exception)
                { IsTransient = true };
            default:
                return new SendenseException(SendenseErrorCode.VCenterFault,
                    $"vCenter {_server} returned the fault {fault.TypeName} for {exception.Method}.{serverSays}", exception);
        }
    }

    /// <summary>
    /// No answer (D6): says how long the request went unanswered and how long the call ran in all (retries included),
    /// and names -Timeout, the parameter that raises the limit.
    /// </summary>
    internal SendenseException TimedOut(string method, TimeSpan elapsed, Exception exception) =>
        new SendenseException(SendenseErrorCode.VCenterTimeout,
            $"vCenter {_server} ({_sdk.Host}:{_sdk.Port}) sent nothing for {Seconds(_timeout)} s during {method}" +
            (elapsed - _timeout > TimeSpan.FromSeconds(1) ? $" (the call ran {Seconds(elapsed)} s in all, retries included)" : string.Empty) +
            ". Check that the address is a vCenter that is up and that no firewall silently drops the traffic; for a very slow vCenter " +
            $"raise the limit with -Timeout (seconds; now {Seconds(_timeout)}).", exception)
        { IsTransient = true };

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A failure below SOAP: connecting, TLS, DNS, the timeout, a broken or non-XML answer.</summary>
    internal SendenseException FromTransport(Exception exception, bool timedOut)
    {
        if (exception is SendenseException sendense)
        {
            return sendense;
        }

        if (exception is VimFaultException fault)
        {
            return FromFault(fault);
        }

        if (timedOut)
        {
            return TimedOut("a read", _timeout, exception);
        }

        if (_certificates.Refused is { } refused && Find<AuthenticationException>(exception) is not null)
        {
            return Untrusted(refused, exception);
        }

        if (Find<SocketException>(exception) is { } socket)
        {
            switch (socket.SocketErrorCode)
            {
                case SocketError.HostNotFound:
                case SocketError.NoData:
                case SocketError.TryAgain:
                    return new SendenseException(SendenseErrorCode.VCenterHostNotFound,
                        $"The vCenter name '{_sdk.Host}' does not resolve (DNS: {socket.Message.TrimEnd('.')}). Check the spelling, use the fully qualified name, or give the IP address.", exception)
                    { IsTransient = socket.SocketErrorCode == SocketError.TryAgain };
                case SocketError.ConnectionRefused:
                    return new SendenseException(SendenseErrorCode.VCenterUnreachable,
                        $"vCenter {_server} refused the connection on port {_sdk.Port}. Check the host name and port (vCenter listens on 443) and that the vCenter services are running.", exception)
                    { IsTransient = true };
                case SocketError.TimedOut:
                    return new SendenseException(SendenseErrorCode.VCenterTimeout,
                        $"Connecting to vCenter {_server} ({_sdk.Host}:{_sdk.Port}) timed out. Check the address, routes and firewalls.", exception)
                    { IsTransient = true };
                case SocketError.NetworkUnreachable:
                case SocketError.HostUnreachable:
                    return new SendenseException(SendenseErrorCode.VCenterUnreachable,
                        $"There is no network route to vCenter {_server} ({socket.Message.TrimEnd('.')}). Check the address, VPN and routes.", exception)
                    { IsTransient = true };
            }
        }

        if (Find<AuthenticationException>(exception) is { } tls)
        {
            return new SendenseException(SendenseErrorCode.VCenterUnreachable,
                $"The TLS handshake with vCenter {_server} failed: {tls.Message.TrimEnd('.')}. Check that the address is the vCenter's https endpoint.", exception);
        }

        if (Find<XmlException>(exception) is { } xml)
        {
            return Protocol($"its answer is not a vim25 SOAP response ({xml.Message.TrimEnd('.')})", exception);
        }

        if (exception is HttpRequestException || exception is IOException || Find<IOException>(exception) is not null)
        {
            return new SendenseException(SendenseErrorCode.VCenterUnreachable,
                $"Lost the connection to vCenter {_server}: {Innermost(exception).Message.TrimEnd('.')}. Check the name, port {_sdk.Port}, proxies and firewalls, then run the command again.", exception)
            { IsTransient = true };
        }

        return new SendenseException(SendenseErrorCode.Unexpected,
            $"Unexpected failure talking to vCenter {_server}: {exception.Message}", exception);
    }

    internal SendenseException Protocol(string what, Exception? inner = null) =>
        new SendenseException(SendenseErrorCode.VCenterProtocolError,
            $"{_sdk} did not answer like a vCenter: {what}. Check that '{_server}' is a vCenter (or ESXi) address.", inner);

    internal SendenseException Untrusted(RefusedCertificate refused, Exception? inner)
    {
        string validity = refused.NotBefore is { } from && refused.NotAfter is { } to
            ? $", valid {from.ToUniversalTime():yyyy-MM-dd} to {to.ToUniversalTime():yyyy-MM-dd}"
            : string.Empty;
        string pinned = refused.Pinned is null
            ? string.Empty
            : $" It does not match the pinned {refused.Pinned.Algorithm} thumbprint {refused.Pinned.Hex}.";
        string identity = refused.Sha256 is null
            ? string.Empty
            : $" Certificate: subject '{refused.Subject}', issuer '{refused.Issuer}'{validity}; SHA-256 thumbprint {refused.Sha256}; SHA-1 thumbprint {refused.Sha1}.";
        string fix = refused.Sha256 is null
            ? " Check that the address is the vCenter's https endpoint."
            : $" If this is the vCenter you expect (compare the thumbprint on the vCenter appliance), pin it with -Thumbprint '{refused.Sha256}', or trust the vCenter's CA (its root certificates are at https://{_sdk.Authority}/certs/download.zip).";
        return new SendenseException(SendenseErrorCode.VCenterCertificateUntrusted,
            $"The certificate of vCenter {_server} is not trusted: {refused.Reason}.{pinned}{identity}{fix}", inner);
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                T? inner = Find<T>(aggregate.InnerExceptions[0]);
                if (inner is not null)
                {
                    return inner;
                }
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        Exception current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }
}
