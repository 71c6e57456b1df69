using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Sendense.Core.VSphere;

namespace Sendense.Tests.VSphere;

/// <summary>
/// A real HTTP endpoint on loopback that answers vim25 SOAP calls from recorded, hand-written responses
/// (Fixtures/vsphere): it covers what the govmomi simulator 0.24.2 cannot do (paging tokens, Continue/Cancel, expired
/// sessions mid-sweep, InvalidProperty faults, gzip/deflate bodies, quoted Secure cookies). Each test scripts the
/// answers; the fake records every call, so tests assert on what the client actually sent.
/// </summary>
public sealed class FakeVCenter : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<SoapCall, FakeReply?> _script;
    private readonly Task _loop;
    private readonly ConcurrentQueue<SoapCall> _calls = new ConcurrentQueue<SoapCall>();

    private FakeVCenter(HttpListener listener, int port, Func<SoapCall, FakeReply?> script)
    {
        _listener = listener;
        Port = port;
        _script = script;
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>What a user would pass as the vCenter (plain http: TLS is covered by the simulator tests).</summary>
    public string Server => $"http://127.0.0.1:{Port}/sdk";

    /// <summary>
    /// The options with the plain-http opt-in (-AllowInsecureHttp): the fake serves http on loopback, and plain http
    /// is refused without it, loopback included (D1).
    /// </summary>
    internal static VCenterConnectionOptions Http(VCenterConnectionOptions options)
    {
        options.AllowInsecureHttp = true;
        return options;
    }

    public IReadOnlyList<SoapCall> Calls => _calls.ToArray();

    public int Count(string method) => _calls.Count(c => c.Method == method);

    /// <summary>
    /// Starts a fake whose script answers calls it cares about and returns null for the rest, which then get the
    /// standard answers (service content, login with a quoted Secure cookie, views, inventory, recorded VMs, logout).
    /// </summary>
    public static FakeVCenter Start(Func<SoapCall, FakeReply?>? script = null)
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                continue;
            }

            return new FakeVCenter(listener, port, script ?? (_ => null));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The managed HttpListener re-resolves its endpoint while removing the prefix; when a parallel test has
            // just bound another port this can report "Address already in use". The listener is closed either way.
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Stopping the listener ends the loop with an exception; nothing to report.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            var call = new SoapCall(body, context.Request.Headers["Cookie"], context.Request.Headers["SOAPAction"],
                context.Request.Headers["Accept-Encoding"], context.Request.Headers["Expect"], context.Request.ContentType);
            _calls.Enqueue(call);
            FakeReply reply = _script(call) ?? StandardReply(call);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay).ConfigureAwait(false);
            }

            byte[] bytes = reply.Body;
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            if (reply.SetCookie is not null)
            {
                context.Response.Headers.Add("Set-Cookie", reply.SetCookie);
            }

            if (reply.ContentEncoding is not null)
            {
                context.Response.Headers.Add("Content-Encoding", reply.ContentEncoding);
                bytes = Compress(bytes, reply.ContentEncoding);
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception)
        {
            try
            {
                context.Response.Abort();
            }
            catch (Exception)
            {
                // The client went away.
            }
        }
    }

    /// <summary>The answers every test gets unless its script says otherwise.</summary>
    public static FakeReply StandardReply(SoapCall call) => call.Method switch
    {
        "RetrieveServiceContent" => FakeReply.Fixture("service-content.xml"),
        "Login" => FakeReply.Fixture("login.xml").WithCookie(SessionCookieHeader),
        "Logout" => FakeReply.Fixture("logout.xml"),
        "CreateContainerView" => FakeReply.Fixture("create-view.xml"),
        "DestroyView" => FakeReply.Fixture("destroy-view.xml"),
        "CancelRetrievePropertiesEx" => FakeReply.Fixture("cancel-retrieve.xml"),
        "RetrievePropertiesEx" when call.Kind == RetrieveKind.Inventory => FakeReply.Fixture("inventory.xml"),
        "RetrievePropertiesEx" when call.Kind == RetrieveKind.CurrentSession => FakeReply.Fixture("current-session.xml"),
        "RetrievePropertiesEx" => FakeReply.Xml(RecordedVMs.Response("RetrievePropertiesExResponse", call)),
        _ => FakeReply.Fixture("fault-method-not-found.xml", 500),
    };

    /// <summary>The cookie the standard Login sets: quoted and Secure, as vCenter 8 sends it.</summary>
    public const string SessionCookieValue = "52b1b2d4b7f34e6c9d2e8a1b7c6d5e4f00112233";

    public const string SessionCookieHeader = "vmware_soap_session=\"" + SessionCookieValue + "\"; Path=/; HttpOnly; Secure;";

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding == "gzip"
            ? new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)
            : new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(data, 0, data.Length);
        }

        return output.ToArray();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>What kind of property retrieval a RetrievePropertiesEx call is, judged from its spec.</summary>
public enum RetrieveKind
{
    None,
    Inventory,
    Light,
    Full,
    CurrentSession,
}

/// <summary>One request the fake received.</summary>
public sealed class SoapCall
{
    private static readonly Regex MethodPattern = new Regex(@"<soapenv:Body>\s*<(\w+)", RegexOptions.Compiled);
    private static readonly Regex VmPattern = new Regex(@"<obj type=""VirtualMachine"">([^<]+)</obj>", RegexOptions.Compiled);

    public SoapCall(string body, string? cookie, string? soapAction, string? acceptEncoding, string? expect, string? contentType)
    {
        Body = body;
        Cookie = cookie;
        SoapAction = soapAction;
        AcceptEncoding = acceptEncoding;
        Expect = expect;
        ContentType = contentType;
        Method = MethodPattern.Match(body) is { Success: true } match ? match.Groups[1].Value : string.Empty;
    }

    public string Method { get; }

    public string Body { get; }

    public string? Cookie { get; }

    public string? SoapAction { get; }

    public string? AcceptEncoding { get; }

    public string? Expect { get; }

    public string? ContentType { get; }

    public RetrieveKind Kind =>
        Method != "RetrievePropertiesEx" ? RetrieveKind.None
        : Body.Contains("<pathSet>view</pathSet>", StringComparison.Ordinal) ? RetrieveKind.Inventory
        : Body.Contains("<pathSet>currentSession</pathSet>", StringComparison.Ordinal) ? RetrieveKind.CurrentSession
        : Body.Contains("config.hardware.device", StringComparison.Ordinal) ? RetrieveKind.Full
        : RetrieveKind.Light;

    /// <summary>VMs named one by one in the object set.</summary>
    public IReadOnlyList<string> RequestedVMs => VmPattern.Matches(Body).Select(m => m.Groups[1].Value).ToArray();

    public string? Token => Regex.Match(Body, "<token>([^<]*)</token>") is { Success: true } m ? m.Groups[1].Value : null;

    public int? MaxObjects => Regex.Match(Body, "<maxObjects>(\\d+)</maxObjects>") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    public override string ToString() => Method + (Token is null ? string.Empty : " token " + Token);
}

/// <summary>One scripted answer.</summary>
public sealed class FakeReply
{
    private FakeReply(int status, byte[] body)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }

    public byte[] Body { get; }

    public string ContentType { get; private init; } = "text/xml; charset=utf-8";

    public string? SetCookie { get; private init; }

    public string? ContentEncoding { get; private init; }

    public TimeSpan Delay { get; private init; }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "vsphere", name);

    public static FakeReply Fixture(string name, int status = 200) => new FakeReply(status, File.ReadAllBytes(FixturePath(name)));

    public static FakeReply Xml(string xml, int status = 200) => new FakeReply(status, Encoding.UTF8.GetBytes(xml));

    public static FakeReply Text(string text, int status, string contentType) =>
        new FakeReply(status, Encoding.UTF8.GetBytes(text)) { ContentType = contentType };

    public FakeReply WithCookie(string setCookie) => new FakeReply(Status, Body) { ContentType = ContentType, SetCookie = setCookie, ContentEncoding = ContentEncoding, Delay = Delay };

    public FakeReply Compressed(string encoding) => new FakeReply(Status, Body) { ContentType = ContentType, SetCookie = SetCookie, ContentEncoding = encoding, Delay = Delay };

    public FakeReply After(TimeSpan delay) => new FakeReply(Status, Body) { ContentType = ContentType, SetCookie = SetCookie, ContentEncoding = ContentEncoding, Delay = delay };
}

/// <summary>
/// The recorded VM objects of the vms-page*.xml fixtures, addressable by MoRef, so the fake can answer a batch of
/// explicitly named VMs like a property collector would (one page, no token) after a restarted sweep.
/// </summary>
public static class RecordedVMs
{
    private static readonly Lazy<Dictionary<string, string>> Objects = new Lazy<Dictionary<string, string>>(Load);

    public static IReadOnlyCollection<string> MoRefs => Objects.Value.Keys;

    public static string Response(string responseElement, SoapCall call, string? token = null)
    {
        IEnumerable<string> wanted = call.RequestedVMs.Count > 0 ? call.RequestedVMs : Objects.Value.Keys;
        var objects = new StringBuilder();
        foreach (string moRef in wanted)
        {
            if (Objects.Value.TryGetValue(moRef, out string? xml))
            {
                objects.Append(xml);
            }
        }

        return Envelope($"<{responseElement} xmlns=\"urn:vim25\"><returnval>{(token is null ? string.Empty : $"<token>{token}</token>")}{objects}</returnval></{responseElement}>");
    }

    public static string Envelope(string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soapenv:Envelope xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\" " +
        "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<soapenv:Body>\n" + body + "\n</soapenv:Body>\n</soapenv:Envelope>";

    // The <objects> elements are cut out of the fixture text as written (no re-serialisation).
    private static Dictionary<string, string> Load()
    {
        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in new[] { "vms-page1.xml", "vms-page2.xml", "vms-page3.xml" })
        {
            string text = File.ReadAllText(FakeReply.FixturePath(file));
            foreach (Match match in Regex.Matches(text, @"<objects><obj type=""VirtualMachine"">([^<]+)</obj>.*?</objects>", RegexOptions.Singleline))
            {
                objects[match.Groups[1].Value] = match.Value;
            }
        }

        return objects;
    }
}
