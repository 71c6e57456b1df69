using System.Diagnostics;

namespace Sendense.Tests.Rig;

/// <summary>
/// A running govmomi vCenter simulator (tests/tools/vcsim launcher) on a free loopback port. Disposing it closes the
/// launcher's standard input, which makes it exit; if the test process dies the pipe closes and it exits as well.
/// </summary>
public sealed class VCenterSimulator : IAsyncDisposable
{
    private readonly Process _process;

    private VCenterSimulator(Process process, SimulatorTopology topology, Uri url, string? sha1, string? sha256)
    {
        _process = process;
        Topology = topology;
        Url = url;
        Sha1Thumbprint = sha1;
        Sha256Thumbprint = sha256;
    }

    /// <summary>The topology it was started with, including its user and password.</summary>
    public SimulatorTopology Topology { get; }

    /// <summary>The SDK URL, e.g. https://127.0.0.1:41234/sdk.</summary>
    public Uri Url { get; }

    /// <summary>host:port, what a user would type as the vCenter name.</summary>
    public string Server => Url.Host + ":" + Url.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>SHA-1 thumbprint of the TLS certificate (colon hex), when TLS is on.</summary>
    public string? Sha1Thumbprint { get; }

    /// <summary>SHA-256 thumbprint of the TLS certificate (colon hex), when TLS is on.</summary>
    public string? Sha256Thumbprint { get; }

    /// <summary>Starts a simulator and waits until it prints its URL.</summary>
    public static async Task<VCenterSimulator> StartAsync(SimulatorTopology topology, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(RigEnvironment.SimulatorLauncher)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in Arguments(topology))
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
        Task<string> errors = process.StandardError.ReadToEndAsync();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            while (true)
            {
                string? line = await process.StandardOutput.ReadLineAsync(cancel.Token);
                if (line is null)
                {
                    await process.WaitForExitAsync(CancellationToken.None);
                    throw new InvalidOperationException("The vCenter simulator exited during start: " + await errors);
                }

                if (line == "VCSIM_READY")
                {
                    break;
                }

                int equals = line.IndexOf('=');
                if (equals > 0)
                {
                    values[line.Substring(0, equals)] = line.Substring(equals + 1);
                }
            }
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }

        values.TryGetValue("VCSIM_SHA1", out string? sha1);
        values.TryGetValue("VCSIM_SHA256", out string? sha256);
        return new VCenterSimulator(process, topology, new Uri(values["VCSIM_URL"]), sha1, sha256);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static IEnumerable<string> Arguments(SimulatorTopology t)
    {
        string I(int value) => value.ToString(CultureInfo.InvariantCulture);
        yield return "-dc"; yield return I(t.Datacenters);
        yield return "-cluster"; yield return I(t.Clusters);
        yield return "-host"; yield return I(t.ClusterHosts);
        yield return "-standalone-host"; yield return I(t.StandaloneHosts);
        yield return "-vm"; yield return I(t.VMsPerPool);
        yield return "-pool"; yield return I(t.Pools);
        yield return "-app"; yield return I(t.VApps);
        yield return "-folder"; yield return I(t.DatacenterFolders);
        yield return "-move-every"; yield return I(t.MoveEvery);
        yield return "-templates"; yield return I(t.Templates);
        yield return "-delay"; yield return I(t.DelayMilliseconds);
        yield return "-username"; yield return t.UserName;
        yield return "-password"; yield return t.Password;
        foreach (string folder in t.VMFolders)
        {
            yield return "-vm-folder"; yield return folder;
        }

        foreach (KeyValuePair<string, string> rename in t.Renames)
        {
            yield return "-rename"; yield return rename.Key + "=" + rename.Value;
        }

        if (t.Tls)
        {
            yield return "-tls";
        }

        yield return "-exit-on-eof";
    }
}
