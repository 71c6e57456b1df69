using System.Net;
using System.Net.Http.Headers;
using System.Xml;

namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// vim25 SOAP over one HttpClient for one vCenter: per-connection TLS policy, gzip/deflate, no Expect: 100-continue,
/// the session cookie handled by hand, an idle timeout, and a retry of requests a proxy refused (502/503) before
/// vCenter saw them. Faults come back as <see cref="VimFaultException"/>; everything else below SOAP as a
/// SendenseException from <see cref="VimErrors"/>.
/// </summary>
internal sealed class SoapTransport : IDisposable
{
    private const int MaxAttempts = 3;
    private static readonly string UserAgent = "Sendense.PowerShell/" + typeof(SoapTransport).Assembly.GetName().Version?.ToString(3);

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private string? _cookie;

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

                        throw Errors.FromTransport(exception, timedOut);
                    }
                }

                RememberCookie(response);
                if ((response.StatusCode == HttpStatusCode.BadGateway || response.StatusCode == HttpStatusCode.ServiceUnavailable) && attempt < MaxAttempts)
                {
                    // A reverse proxy answered for a vCenter that is (re)starting: the request never reached it.
                    response.Dispose();
                    linked.Dispose();
                    timeout.Dispose();
                    await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken).ConfigureAwait(false);
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

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

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
