using System.Diagnostics;
using System.Text.Json;

namespace Sendense.Tests.Rig;

/// <summary>
/// A running govmomi vCenter simulator (tests/tools/vcsim launcher) on a free loopback port. Disposing it closes the
/// launcher's standard input, which makes it exit; if the test process dies the pipe closes and it exits as well.
/// While it runs, its standard input and output are a control channel (tests/tools/vcsim/control.go): one command
/// per line, one answer line per command, so a test can change the vCenter under a client (<see cref="SendAsync(string, TimeSpan?)"/>
/// and the typed helpers).
/// </summary>
public sealed class VCenterSimulator : IAsyncDisposable
{
    /// <summary>How long a control command may take by default.</summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(60);

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };

    private readonly Process _process;
    private readonly Task<string> _errors;
    private readonly string _temporaryDirectory;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    // The one reader of standard output: a read that timed out stays pending here (a StreamReader allows one read at
    // a time), and the answers of commands that timed out are skipped, in order, before the next command's answer.
    private Task<string?>? _pendingRead;
    private int _staleAnswers;
    private int? _exitCode;

    private VCenterSimulator(Process process, Task<string> errors, string temporaryDirectory, SimulatorTopology topology)
    {
        _process = process;
        _errors = errors;
        _temporaryDirectory = temporaryDirectory;
        Topology = topology;
    }

    /// <summary>The topology it was started with, including its user and password.</summary>
    public SimulatorTopology Topology { get; }

    /// <summary>The SDK URL, e.g. https://127.0.0.1:41234/sdk.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>host:port, what a user would type as the vCenter name.</summary>
    public string Server => Url.Host + ":" + Url.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>SHA-1 thumbprint of the TLS certificate (colon hex), when TLS is on.</summary>
    public string? Sha1Thumbprint { get; private set; }

    /// <summary>SHA-256 thumbprint of the TLS certificate (colon hex), when TLS is on.</summary>
    public string? Sha256Thumbprint { get; private set; }

    /// <summary>The launcher's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the launcher has exited (disposed, killed, or crashed).</summary>
    public bool HasExited => _exitCode is not null || _process.HasExited;

    /// <summary>The launcher's exit code once it has exited and been disposed or killed (0: a clean exit; 137: SIGKILL).</summary>
    public int? ExitCode => _exitCode;

    /// <summary>Starts a simulator and waits until it prints its URL.</summary>
    public static async Task<VCenterSimulator> StartAsync(SimulatorTopology topology, TimeSpan? timeout = null)
    {
        string temporary = Path.Combine(TemporaryRoot(),
            "sendense-vcsim-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(temporary);
        var start = new ProcessStartInfo(RigEnvironment.SimulatorLauncher)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.Environment["TMPDIR"] = temporary;
        foreach (string argument in Arguments(topology))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        process.StandardInput.AutoFlush = true;
        var simulator = new VCenterSimulator(process, process.StandardError.ReadToEndAsync(), temporary, topology);
        try
        {
            await simulator.WaitUntilReadyAsync(timeout ?? TimeSpan.FromMinutes(3));
        }
        catch
        {
            await simulator.KillAsync();
            throw;
        }

        return simulator;
    }

    /// <summary>
    /// Starts one simulator per topology, all at once (a 2,500-VM inventory takes seconds to build), and returns them
    /// in order when all are ready; if one fails, the others are stopped.
    /// </summary>
    public static async Task<VCenterSimulator[]> StartManyAsync(IEnumerable<SimulatorTopology> topologies, TimeSpan? timeout = null)
    {
        Task<VCenterSimulator>[] starts = topologies.Select(t => StartAsync(t, timeout)).ToArray();
        try
        {
            return await Task.WhenAll(starts);
        }
        catch
        {
            foreach (Task<VCenterSimulator> start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// Sends one command line as it is (words percent-encoded, e.g. <c>info web%2001</c>) and returns the JSON after
    /// "OK"; an "ERR" answer throws <see cref="SimulatorCommandException"/>.
    /// </summary>
    public async Task<string> SendAsync(string command, TimeSpan? timeout = null)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new ArgumentException("The command is empty.", nameof(command));
        }

        if (command.Contains('\r', StringComparison.Ordinal) || command.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A command is one line: send names with line breaks in the word form.", nameof(command));
        }

        TimeSpan wait = timeout ?? DefaultCommandTimeout;
        if (!await _gate.WaitAsync(wait))
        {
            throw new TimeoutException($"The simulator's control channel stayed busy for {wait.TotalSeconds:0} s.");
        }

        string answer;
        try
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The simulator has exited (code {_process.ExitCode}): {await _errors}");
            }

            for (; _staleAnswers > 0; _staleAnswers--)
            {
                if (await ReadLineAsync(wait) is null)
                {
                    throw new InvalidOperationException("The simulator exited: " + await _errors);
                }
            }

            try
            {
                await _process.StandardInput.WriteLineAsync(command);
            }
            catch (IOException exception)
            {
                throw new InvalidOperationException("The simulator's control channel is closed: " + exception.Message, exception);
            }

            try
            {
                answer = await ReadLineAsync(wait) ?? throw new InvalidOperationException($"The simulator exited instead of answering '{command}'.");
            }
            catch (TimeoutException)
            {
                _staleAnswers++;
                throw new TimeoutException($"The simulator did not answer '{command}' within {wait.TotalSeconds:0} s.");
            }
        }
        finally
        {
            _gate.Release();
        }

        if (answer.StartsWith("ERR ", StringComparison.Ordinal))
        {
            throw new SimulatorCommandException(command, answer.Substring(4));
        }

        if (!answer.StartsWith("OK", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The simulator answered '{command}' with an unexpected line: {answer}");
        }

        return answer.Substring(2).Trim();
    }

    /// <summary>Sends a command as a JSON array of words, so names need no escaping.</summary>
    public Task<string> SendAsync(IEnumerable<string> words, TimeSpan? timeout = null) =>
        SendAsync(JsonSerializer.Serialize(words.ToArray()), timeout);

    /// <summary>What the simulator holds for a VM (by name or moref).</summary>
    public async Task<SimulatorVMInfo> GetVMInfoAsync(string vm) => Parse<SimulatorVMInfo>(await SendAsync(new[] { "info", vm }));

    /// <summary>Every VM and template: moref and name.</summary>
    public async Task<IReadOnlyList<SimulatorVMName>> ListVMsAsync() => Parse<SimulatorVMList>(await SendAsync("list")).VMs;

    /// <summary>Renames a VM (Rename_Task).</summary>
    public Task RenameVMAsync(string vm, string newName) => SendAsync(new[] { "rename", vm, newName });

    /// <summary>Powers a VM on or off or suspends it; a VM already in that state is left alone.</summary>
    public Task SetPowerStateAsync(string vm, SimulatorPowerState state) => SendAsync(new[]
    {
        state switch
        {
            SimulatorPowerState.PoweredOn => "poweron",
            SimulatorPowerState.PoweredOff => "poweroff",
            _ => "suspend",
        },
        vm,
    });

    /// <summary>Changes a VM's CPU count and memory (ReconfigVM_Task).</summary>
    public Task ResizeVMAsync(string vm, int numCpu, int memoryMB) => SendAsync(new[] { "resize", vm, I(numCpu), I(memoryMB) });

    /// <summary>Adds a thin disk on the VM's SCSI controller; returns its device key and label.</summary>
    public async Task<SimulatorNewDisk> AddDiskAsync(string vm, int sizeMB) => Parse<SimulatorNewDisk>(await SendAsync(new[] { "adddisk", vm, I(sizeMB) }));

    /// <summary>Removes a disk by label or device key; its files are deleted unless <paramref name="keepFiles"/>.</summary>
    public Task RemoveDiskAsync(string vm, string labelOrKey, bool keepFiles = false) =>
        SendAsync(new[] { "removedisk", vm, labelOrKey, keepFiles ? "keep" : "delete" });

    /// <summary>Deletes a VM from inventory (powered off first when it runs, then Destroy_Task).</summary>
    public Task DestroyVMAsync(string vm) => SendAsync(new[] { "destroy", vm });

    /// <summary>The next <paramref name="count"/> client requests to /sdk get <paramref name="httpStatus"/> and an empty body.</summary>
    public async Task<SimulatorFaultStats> FailAsync(int count, int httpStatus) => Parse<SimulatorFaultStats>(await SendAsync(new[] { "fail", I(count), I(httpStatus) }));

    /// <summary>Client requests are held for <paramref name="duration"/> from now (zero releases them).</summary>
    public async Task<SimulatorFaultStats> FreezeAsync(TimeSpan duration) => Parse<SimulatorFaultStats>(await SendAsync(new[] { "freeze", Ms(duration) }));

    /// <summary>Every client request waits <paramref name="delay"/> first (zero removes the delay).</summary>
    public async Task<SimulatorFaultStats> SetDelayAsync(TimeSpan delay) => Parse<SimulatorFaultStats>(await SendAsync(new[] { "delay", Ms(delay) }));

    /// <summary>Requests of clients under test seen so far, and the faults still pending.</summary>
    public async Task<SimulatorFaultStats> GetStatsAsync() => Parse<SimulatorFaultStats>(await SendAsync("stats"));

    /// <summary>SIGKILL: the vCenter dies mid-run (no clean-up, open connections reset). The object can still be disposed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // It is gone or going; DisposeAsync removes what it left.
            }
        }

        if (_process.HasExited)
        {
            _exitCode ??= _process.ExitCode;
        }

        TryDelete(_temporaryDirectory);
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
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }

            _exitCode ??= _process.ExitCode;
        }
        finally
        {
            _process.Dispose();
            _gate.Dispose();
            TryDelete(_temporaryDirectory);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            TimeSpan remaining = deadline - DateTime.UtcNow;
            string? line = await ReadLineAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1));
            if (line is null)
            {
                await _process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException("The vCenter simulator exited during start: " + await _errors);
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

        Url = new Uri(values["VCSIM_URL"]);
        values.TryGetValue("VCSIM_SHA1", out string? sha1);
        values.TryGetValue("VCSIM_SHA256", out string? sha256);
        Sha1Thumbprint = sha1;
        Sha256Thumbprint = sha256;
    }

    private async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        _pendingRead ??= _process.StandardOutput.ReadLineAsync();
        string? line = await _pendingRead.WaitAsync(timeout); // TimeoutException leaves the read pending for next time
        _pendingRead = null;
        return line;
    }

    private static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidOperationException("The simulator answered null: " + json);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    // Where the simulator keeps its datastores (some six small files per VM): tmpfs when it has room, as the
    // PowerShell rig does (Get-RigSimulatorTempRoot), because creating and deleting them on a disk file system costs
    // seconds per 2,500 VMs.
    private static string TemporaryRoot()
    {
        string? configured = Environment.GetEnvironmentVariable("SENDENSE_VCSIM_TMPDIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        try
        {
            if (Directory.Exists("/dev/shm") && new DriveInfo("/dev/shm").AvailableFreeSpace >= 512L * 1024 * 1024)
            {
                return "/dev/shm";
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Path.GetTempPath();
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
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
        yield return "-fail-first"; yield return I(t.FailFirst);
        yield return "-fail-status"; yield return I(t.FailStatus);
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
