using System.Management.Automation;
using Sendense.Core.Discovery;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Discovery;

/// <summary>
/// Forwards a running discovery to the pipeline thread through the cmdlet's sink: each VM as it is parsed (marked
/// IsManaged/ContextId when a hub is connected), Write-Progress, verbose and warning messages. Runs on the discovery's
/// background thread; the sink is what makes that safe.
/// </summary>
internal sealed class DiscoveryPipelineObserver : VMDiscoveryObserver
{
    private const int ActivityId = 0x5E4D;
    private readonly PipelineSink _sink;
    private readonly string _activity;
    private readonly Task<IReadOnlyDictionary<string, string>>? _managedLookup;
    private readonly Func<IReadOnlyDictionary<string, string>, DiscoveredVM, string?>? _contextOf;
    private IReadOnlyDictionary<string, string>? _managed;
    private bool _hubUnavailable;
    private bool _progressShown;

    /// <summary>The stored credential the run logged in with, stamped on every VM; null for plain credentials.</summary>
    internal int? CredentialId { get; set; }

    /// <param name="sink">Where to post.</param>
    /// <param name="vcenter">The vCenter, for the progress activity.</param>
    /// <param name="managedLookup">The hub query, already running; null when no hub is connected.</param>
    /// <param name="contextOf">Finds a VM's context id in the query result.</param>
    internal DiscoveryPipelineObserver(PipelineSink sink, string vcenter, Task<IReadOnlyDictionary<string, string>>? managedLookup,
        Func<IReadOnlyDictionary<string, string>, DiscoveredVM, string?>? contextOf)
    {
        _sink = sink;
        _activity = "Discovering VMs on vCenter " + vcenter;
        _managedLookup = managedLookup;
        _contextOf = contextOf;
        _hubUnavailable = managedLookup is null;
    }

    public override void OnVM(DiscoveredVM vm)
    {
        IReadOnlyDictionary<string, string>? managed = Managed();
        if (managed is not null && _contextOf is not null)
        {
            string? context = _contextOf(managed, vm);
            vm.IsManaged = context is not null;
            vm.ContextId = context;
        }

        vm.CredentialId = CredentialId;
        _sink.WriteObject(vm);
    }

    public override void OnProgress(VMDiscoveryProgress progress)
    {
        if (progress.Stage == VMDiscoveryStage.Completed)
        {
            if (_progressShown)
            {
                _sink.WriteProgress(new ProgressRecord(ActivityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            return;
        }

        var record = new ProgressRecord(ActivityId, _activity, Describe(progress));
        if (progress.Stage == VMDiscoveryStage.ReadingVMs && progress.Total is int total && total > 0)
        {
            record.PercentComplete = Math.Min(100, progress.Read * 100 / total);
        }

        _progressShown = true;
        _sink.WriteProgress(record);
    }

    public override void OnVerbose(string message) => _sink.WriteVerbose(message);

    public override void OnWarning(string message) => _sink.WriteWarning(message);

    /// <summary>The hub's answer; waits for the query on the first VM only. A failed query costs the marking, not the run.</summary>
    private IReadOnlyDictionary<string, string>? Managed()
    {
        if (_managed is not null || _hubUnavailable)
        {
            return _managed;
        }

        try
        {
            _managed = _managedLookup!.GetAwaiter().GetResult();
            _sink.WriteVerbose($"The hub manages {_managed.Count.ToString("N0", CultureInfo.CurrentCulture)} VM(s) of this vCenter; IsManaged and ContextId are set from that.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _hubUnavailable = true;
            _sink.WriteWarning("Could not read which VMs the hub manages, so IsManaged and ContextId are left empty: " + exception.Message);
        }

        return _managed;
    }

    private static string Describe(VMDiscoveryProgress progress)
    {
        CultureInfo culture = CultureInfo.CurrentCulture;
        return progress.Stage switch
        {
            VMDiscoveryStage.Connecting => "Connecting and logging in",
            VMDiscoveryStage.ReadingInventory => "Reading datacenters, folders, hosts, clusters and networks",
            VMDiscoveryStage.SelectingVMs => progress.Total is int all
                ? $"Selecting from {all.ToString("N0", culture)} VMs"
                : "Selecting VMs",
            _ => progress.Total is int total
                ? $"{progress.Discovered.ToString("N0", culture)} VMs discovered, {progress.Read.ToString("N0", culture)} of {total.ToString("N0", culture)} read"
                : $"{progress.Discovered.ToString("N0", culture)} VMs discovered",
        };
    }
}
