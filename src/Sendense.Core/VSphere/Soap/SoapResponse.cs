using System.Net;
using System.Xml;

namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// One response whose headers have arrived. <see cref="ReadAsync{T}"/> streams the body through a namespace-aware
/// XmlReader: a SOAP fault becomes a <see cref="VimFaultException"/>, a result is handed to the caller's reader
/// positioned on the method's response element. No DOM of the body is ever built.
/// </summary>
internal sealed class SoapResponse : IDisposable
{
    private readonly SoapTransport _transport;
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _callerToken;
    private readonly TimeSpan _idle;
    private int _disposed;

    internal SoapResponse(SoapTransport transport, string method, HttpResponseMessage response, CancellationTokenSource timeout,
        CancellationTokenSource linked, TimeSpan idle, CancellationToken callerToken)
    {
        _transport = transport;
        Method = method;
        _response = response;
        _timeout = timeout;
        _linked = linked;
        _callerToken = callerToken;
        _idle = idle;
    }

    internal string Method { get; }

    internal HttpStatusCode StatusCode => _response.StatusCode;

    /// <summary>Reads the body. <paramref name="read"/> starts on the response element (e.g. RetrievePropertiesExResponse).</summary>
    internal async Task<T> ReadAsync<T>(Func<XmlReader, T> read)
    {
        CancellationTokenRegistration abort = default;
        try
        {
            if (!IsXml())
            {
                throw _transport.Errors.Protocol(
                    $"HTTP {(int)_response.StatusCode} {_response.ReasonPhrase} with content type '{_response.Content.Headers.ContentType?.MediaType ?? "none"}'");
            }

            Stream body = await _response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            _timeout.CancelAfter(_idle);
            // A blocked synchronous read does not watch a token: closing the response is what ends it.
            abort = _linked.Token.Register(() => _response.Dispose());
            using var stream = new ProgressStream(body, () => _timeout.CancelAfter(_idle));
            using XmlReader reader = XmlReader.Create(stream, VimXml.ReaderSettings());
            MoveToBodyContent(reader);
            if (VimXml.Is(reader, VimNames.Fault) && reader.NamespaceURI == VimNames.SoapEnvelopeNamespace)
            {
                throw new VimFaultException(Method, ReadFault(reader));
            }

            if (_response.StatusCode != HttpStatusCode.OK)
            {
                throw _transport.Errors.Protocol($"HTTP {(int)_response.StatusCode} {_response.ReasonPhrase} without a SOAP fault");
            }

            return read(reader);
        }
        catch (Exception exception) when (exception is not SendenseException && exception is not VimFaultException && exception is not VisitorAbortedException)
        {
            _callerToken.ThrowIfCancellationRequested();

            if (_timeout.IsCancellationRequested)
            {
                _transport.MarkUnresponsive();
                throw _transport.Errors.TimedOut(Method, TimeSpan.Zero, exception);
            }

            throw _transport.Errors.FromTransport(exception, timedOut: false);
        }
        finally
        {
            abort.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _response.Dispose();
            _linked.Dispose();
            _timeout.Dispose();
        }
    }

    private bool IsXml()
    {
        string? mediaType = _response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null)
        {
            // Some proxies drop the header; vCenter always sends text/xml. Let the parser decide for 200/500.
            return _response.StatusCode == HttpStatusCode.OK || _response.StatusCode == HttpStatusCode.InternalServerError;
        }

        return mediaType.IndexOf("xml", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>Envelope → (Header) → Body → first child, which is the response or a Fault.</summary>
    private static void MoveToBodyContent(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || !ReferenceEquals(reader.LocalName, VimNames.Envelope))
        {
            throw VimXml.Unexpected("no SOAP Envelope");
        }

        if (!VimXml.Enter(reader))
        {
            throw VimXml.Unexpected("an empty SOAP Envelope");
        }

        while (VimXml.NextChild(reader))
        {
            if (VimXml.Is(reader, VimNames.Body))
            {
                if (!VimXml.Enter(reader) || !VimXml.NextChild(reader))
                {
                    throw VimXml.Unexpected("an empty SOAP Body");
                }

                return;
            }

            reader.Skip();
        }

        throw VimXml.Unexpected("no SOAP Body");
    }

    private static VimFault ReadFault(XmlReader reader)
    {
        string message = string.Empty;
        string code = string.Empty;
        VimFault? detail = null;
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                if (VimXml.Is(reader, VimNames.FaultString))
                {
                    message = VimXml.ReadString(reader);
                }
                else if (VimXml.Is(reader, VimNames.FaultCode))
                {
                    code = VimXml.ReadString(reader);
                }
                else if (VimXml.Is(reader, VimNames.Detail) && VimXml.Enter(reader))
                {
                    while (VimXml.NextChild(reader))
                    {
                        if (detail is null)
                        {
                            detail = VimFault.ReadMethodFault(reader, string.Empty);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return detail is null
            ? new VimFault(code.Length > 0 ? code : "SoapFault", message, new System.Collections.Generic.Dictionary<string, string>())
            : new VimFault(detail.TypeName, message, detail.Fields);
    }
}
