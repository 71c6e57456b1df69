using System.Net;
using System.Net.Sockets;

namespace Sendense.Tests.Rig;

/// <summary>
/// A TCP relay in front of a real server (the rig's MariaDB), so a test can take the server away from one client and
/// give it back without touching the server every other test uses: <see cref="Cut"/> closes the listener and every
/// relayed connection (as a dead host or a pulled cable would), <see cref="Restore"/> listens on the same port again.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _links = new List<TcpClient>();
    private TcpListener? _listener;

    public TcpRelay(string targetHost, int targetPort)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(targetHost).First(a => a.AddressFamily == AddressFamily.InterNetwork), targetPort);
        Port = Listen(0);
    }

    /// <summary>The relay's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Closes the listener and every relayed connection: new connections are refused, open ones break.</summary>
    public void Cut()
    {
        _listener?.Stop();
        _listener = null;
        lock (_links)
        {
            foreach (TcpClient link in _links)
            {
                link.Dispose();
            }

            _links.Clear();
        }
    }

    /// <summary>Listens on the same port again.</summary>
    public void Restore() => Listen(Port);

    public void Dispose() => Cut();

    private int Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // cut
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_target.Address, _target.Port).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_links)
            {
                _links.Add(client);
                _links.Add(server);
            }

            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16384];
        try
        {
            NetworkStream input = from.GetStream();
            NetworkStream output = to.GetStream();
            int read;
            while ((read = await input.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
