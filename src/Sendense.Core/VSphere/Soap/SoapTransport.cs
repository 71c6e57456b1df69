using System.Net;
using System.Net.Http.Headers;
using System.Xml;

namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// vim25 SOAP over one HttpClient for one vCenter: per-connection TLS policy, gzip/deflate, no Expect: 100-continue,
/// the session cookie handled by hand, an idle timeout, and bounded retries (RetryPolicy.VCenter, said in -Verbose) of
/// requests a proxy refused (502/503, and 504 for reads) and of reads met by a reset or a timeout: never a request that
/// could change vCenter twice. Faults come back as <see cref="VimFaultException"/>; everything else below SOAP as a
/// SendenseException from <see cref="VimErrors"/>.
/// </summary>
internal sealed class SoapTransport : IDisposable
{
    private static readonly string UserAgent = "Sendense.PowerShell/" + typeof(SoapTransport).Assembly.GetName().Version?.ToString(3);

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private static readonly TimeSpan CleanupBudget = TimeSpan.FromSeconds(3);
    private string? _cookie;
    private CancellationTokenSource? _cleanup;

    internal SoapTransport(string server, Uri sdk, ServerCertificatePolicy certificates, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        Sdk = sdk;
        Server = server;
        _timeout = timeout <= TimeSpan.Zero ? VCenterConnectionOptions.DefaultTimeout : timeout;
        Errors = new VimErrors(server, sdk, certificates, _timeout);
        _http = new HttpClient(handler ?? CreateHandler(certificates), disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.ExpectContinue = false;
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    internal Uri Sdk { get; }

    internal string Server { get; }

    internal VimErrors Errors { get; }

    /// <summary>The SOAPAction sent: urn:vim25/&lt;version&gt;, set once the server's API version is known.</summary>
    internal string SoapAction { get; set; } = "urn:vim25/7.0";

    /// <summary>The session cookie value (no quotes). A secret: never logged.</summary>
    internal string? Cookie
    {
        get => Volatile.Read(ref _cookie);
        set => Volatile.Write(ref _cookie, value);
    }

    /// <summary>Sends a request and parses the response with <paramref name="read"/> (positioned on the method's response element).</summary>
    internal async Task<T> InvokeAsync<T>(string method, Action<XmlWriter> writeParameters, Func<XmlReader, T> read, CancellationToken cancellationToken)
    {
        SoapRequestBody body = SoapEnvelopeWriter.Write(method, writeParameters);
        using SoapResponse response = await SendAsync(body, cancellationToken).ConfigureAwait(false);
        return await response.ReadAsync(read).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a request and returns once the response headers are in; the caller reads (and disposes) the body. This
    /// split lets a caller ask for the next batch while it is still parsing the current one.
    /// </summary>
    internal async Task<SoapResponse> SendAsync(SoapRequestBody body, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                var timeout = new CancellationTokenSource(_timeout);
                CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                HttpResponseMessage response;
                using (HttpRequestMessage request = CreateRequest(body))
                {
                    try
                    {
                        response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                    }
                    catch (Exception exception)
                    {
                        linked.Dispose();
                        bool timedOut = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
                        timeout.Dispose();
                        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                        {
                            throw new OperationCanceledException(cancellationToken);
                        }

                        if (timedOut)
                        {
                            Unresponsive = true;
                        }

                        string? transient = TransientTransportFault(exception, timedOut && attempt == 1, body.Method);
                        if (transient is not null && RetryPolicy.VCenter.MayRetry(attempt, watch.Elapsed))
                        {
                            await WaitBeforeRetryAsync(body.Method, transient, attempt, cancellationToken).ConfigureAwait(false);
                            continue;
                        }

                        throw timedOut ? Errors.TimedOut(body.Method, watch.Elapsed, exception) : Errors.FromTransport(exception, timedOut: false);
                    }
                }

                Unresponsive = false;
                RememberCookie(response);
                if (IsRetriedStatus(response.StatusCode, body.Method) && RetryPolicy.VCenter.MayRetry(attempt, watch.Elapsed))
                {
                    // A reverse proxy answered for a vCenter that is (re)starting or overloaded.
                    string status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                    response.Dispose();
                    linked.Dispose();
                    timeout.Dispose();
                    await WaitBeforeRetryAsync(body.Method, status, attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                return new SoapResponse(this, body.Method, response, timeout, linked, _timeout, cancellationToken);
            }
        }
        finally
        {
            body.Clear();
        }
    }

    /// <summary>Where retries are said (-Verbose of the command); null says nothing.</summary>
    internal Action<string>? Verbose { get; set; }

    /// <summary>True after a request timed out with no answer since: cleanup calls (logout, DestroyView) are then skipped, so a stop is prompt.</summary>
    internal bool Unresponsive { get; private set; }

    /// <summary>
    /// The one budget every cleanup call of this connection shares (CancelRetrievePropertiesEx, DestroyView, Logout):
    /// 3 s in all from the first of them, so a stop against a frozen vCenter ends promptly (D6).
    /// </summary>
    internal CancellationToken CleanupToken()
    {
        CancellationTokenSource? budget = Volatile.Read(ref _cleanup);
        if (budget is null)
        {
            var created = new CancellationTokenSource(CleanupBudget);
            budget = Interlocked.CompareExchange(ref _cleanup, created, null) ?? created;
            if (!ReferenceEquals(budget, created))
            {
                created.Dispose();
            }
        }

        return budget.Token;
    }

    /// <summary>
    /// Runs one cleanup call (Logout, DestroyView, CancelRetrievePropertiesEx) within <see cref="CleanupToken"/>'s
    /// budget. It is skipped when vCenter did not answer the last request: the call would only wait (D6), and the server
    /// ends what it holds itself. It never throws: a failed cleanup must not hide the outcome being reported.
    /// </summary>
    internal async Task CleanupQuietlyAsync(Func<CancellationToken, Task> call)
    {
        if (Unresponsive)
        {
            return;
        }

        try
        {
            await call(CleanupToken()).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: what the call would have released ends with the session or times out on the server.
        }
    }

    /// <summary>Notes a response whose body stopped arriving (the idle timeout).</summary>
    internal void MarkUnresponsive() => Unresponsive = true;

    // Methods that only read: a reset or a timeout may have reached vCenter, and re-sending these changes nothing there.
    private static bool IsReadOnly(string method) => method is "RetrieveServiceContent" or "RetrievePropertiesEx" or "ContinueRetrievePropertiesEx" or "RetrieveProperties";

    // 502 and 503 come from the reverse proxy before vCenter saw the request; a 504 may follow a request vCenter ran.
    private static bool IsRetriedStatus(HttpStatusCode status, string method) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable || (status == HttpStatusCode.GatewayTimeout && IsReadOnly(method));

    private static string? TransientTransportFault(Exception exception, bool timedOut, string method)
    {
        if (!IsReadOnly(method))
        {
            return null;
        }

        if (timedOut)
        {
            // Once only: a timeout costs the whole -Timeout, so a second one ends the call.
            return "no answer within the timeout";
        }

        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException socket && socket.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionReset
                    or System.Net.Sockets.SocketError.ConnectionAborted or System.Net.Sockets.SocketError.Shutdown)
            {
                return "the connection was reset";
            }

            if (e is System.Security.Authentication.AuthenticationException)
            {
                return null;
            }

            if (e is IOException && e.InnerException is null)
            {
                return "the connection was closed before an answer";
            }
        }

        return null;
    }

    private async Task WaitBeforeRetryAsync(string method, string fault, int attempt, CancellationToken cancellationToken)
    {
        TimeSpan wait = RetryPolicy.VCenter.Delay(attempt);
        Verbose?.Invoke(Messages.Retries.RetryingVCenter(Server, method, fault, wait, attempt + 1, RetryPolicy.VCenter.MaxAttempts));
        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _cleanup?.Dispose();
    }

    private HttpRequestMessage CreateRequest(SoapRequestBody body)
    {
        ArraySegment<byte> bytes = body.Bytes;
        var content = new ByteArrayContent(bytes.Array!, bytes.Offset, bytes.Count);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, Sdk) { Content = content };
        request.Headers.TryAddWithoutValidation("SOAPAction", "\"" + SoapAction + "\"");
        string? cookie = Cookie;
        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", SessionCookie.ToHeader(cookie));
        }

        return request;
    }

    private void RememberCookie(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? values) && SessionCookie.FromSetCookie(values) is { } cookie)
        {
            Cookie = cookie;
        }
    }

    private static HttpClientHandler CreateHandler(ServerCertificatePolicy certificates) => new HttpClientHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        ServerCertificateCustomValidationCallback = certificates.Validate,
        MaxConnectionsPerServer = 8,
        PreAuthenticate = false,
    };
}
