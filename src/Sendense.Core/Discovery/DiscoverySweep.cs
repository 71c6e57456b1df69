using System.Diagnostics;
using Sendense.Core.VSphere;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.Discovery;

/// <summary>
/// One discovery over one vCenter session. A sweep uses one multi-type container view: it reads the containers and
/// networks (and the view's VM list) in memory first, selects VMs (all of them, a light read for names/places, or
/// identities), then reads the selected VMs' full properties in batches of explicit references with the next batch
/// requested while the current one is parsed; each VM goes to the observer as soon as its object is parsed. State
/// survives a restart after the session was renewed, so no VM is handed out twice.
/// </summary>
internal sealed class DiscoverySweep
{
    private const int ProgressEvery = 250;

    private readonly VimClient _client;
    private readonly VMDiscoveryRequest _request;
    private readonly VMDiscoveryObserver _observer;
    private readonly string _vcenter;
    private readonly DiscoveryFilter _filter;
    private readonly HashSet<string> _emitted = new HashSet<string>(StringComparer.Ordinal);
    private readonly VMIdentityIndex _identities;
    private bool _matchOnRead;
    private readonly Dictionary<(string Path, string Fault), int> _missing = new Dictionary<(string, string), int>();
    private IReadOnlyList<string> _datacenterNames = Array.Empty<string>();
    private int _read;
    private int _total;
    private int _pages;
    private int _templatesSkipped;

    internal DiscoverySweep(VimClient client, VMDiscoveryRequest request, VMDiscoveryObserver observer, string vcenter)
    {
        _client = client;
        _request = request;
        _observer = observer;
        _vcenter = vcenter;
        _filter = new DiscoveryFilter(request);
        _identities = new VMIdentityIndex(request.Identities);
    }

    internal int Discovered => _emitted.Count;

    internal int Pages => _pages;

    internal int TemplatesSkipped => _templatesSkipped;

    private bool ByIdentity => _identities.Count > 0;

    private int PageSize => _request.PageSize;

    /// <summary>Runs the sweep once; a NotAuthenticated fault escapes so the caller can log in again and call it again.</summary>
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        Report(VMDiscoveryStage.ReadingInventory, null);
        ManagedObjectReference view = await _client.Views.CreateContainerViewAsync(
            _client.Content.RootFolder, InventoryIndex.ViewTypes, recursive: true, cancellationToken).ConfigureAwait(false);
        try
        {
            var watch = Stopwatch.StartNew();
            var index = new InventoryIndex();
            await ReadInventoryAsync(view, index, cancellationToken).ConfigureAwait(false);
            _datacenterNames = index.DatacenterNames.ToArray();
            Verbose($"Read {index.Count} folders, datacenters, hosts, clusters, vApps and networks and the list of {index.VirtualMachines.Count} VMs in {Ms(watch)} ms.");

            List<ManagedObjectReference> targets;
            if (ByIdentity)
            {
                targets = await SelectByIdentityAsync(view, index, cancellationToken).ConfigureAwait(false);
            }
            else if (_filter.Narrows)
            {
                targets = await SelectByFilterAsync(view, index, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                targets = index.VirtualMachines;
            }

            targets = targets.Where(t => !_emitted.Contains(t.Value)).ToList();
            await ReadVMsAsync(view, targets, index, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _client.Views.DestroyQuietlyAsync(view).ConfigureAwait(false);
        }
    }

    internal IReadOnlyList<string> UnmatchedNames() => ByIdentity ? Array.Empty<string>() : _filter.UnmatchedNames();

    internal IReadOnlyList<string> UnmatchedDatacenters() => ByIdentity ? Array.Empty<string>() : _filter.UnmatchedDatacenters(_datacenterNames);

    internal IReadOnlyList<VMIdentity> UnmatchedIdentities() => _identities.Unmatched();

    /// <summary>One warning per kind of property vCenter withheld, with how many VMs it affects.</summary>
    internal IEnumerable<string> MissingDataWarnings() =>
        _missing.Select(m => $"vCenter {_vcenter} did not return {m.Key.Path} for {m.Value} VM(s) ({m.Key.Fault}); those values are empty on the objects written.");

    private Task ReadInventoryAsync(ManagedObjectReference view, InventoryIndex index, CancellationToken cancellationToken) =>
        _client.Properties.RetrieveAsync(InventoryIndex.Spec(view), PageSize, index, cancellationToken, _ => _pages++);

    /// <summary>A light read of every VM (name, parent, state, uuids) picks those the filters want.</summary>
    private async Task<List<ManagedObjectReference>> SelectByFilterAsync(ManagedObjectReference view, InventoryIndex index, CancellationToken cancellationToken)
    {
        Report(VMDiscoveryStage.SelectingVMs, index.VirtualMachines.Count);
        var watch = Stopwatch.StartNew();
        var selected = new List<ManagedObjectReference>();
        var reader = new VMRecordReader(record =>
        {
            if (record.Name is null || !_filter.MatchesState(record.PowerState, record.IsTemplate))
            {
                return;
            }

            InventoryLocation? location = index.Locate(record.Container);
            // A VM whose folder appeared after the inventory was read cannot be placed yet: read it, decide later.
            if (location is null || (_filter.MatchesPlace(location) && _filter.MatchesName(InventoryName.Unescape(record.Name), record.Name)))
            {
                selected.Add(record.Self);
            }
        });
        await _client.Properties.RetrieveAsync(VMPropertyPaths.LightOverView(view), PageSize, reader, cancellationToken, _ => _pages++).ConfigureAwait(false);
        Verbose($"{selected.Count} of {index.VirtualMachines.Count} VMs match the filters ({Ms(watch)} ms).");
        return selected;
    }

    /// <summary>MoRefs are used as they are; names and uuids are looked up with one light read of every VM.</summary>
    private async Task<List<ManagedObjectReference>> SelectByIdentityAsync(ManagedObjectReference view, InventoryIndex index, CancellationToken cancellationToken)
    {
        var selected = new List<ManagedObjectReference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string moRef in _identities.MoRefs)
        {
            if (seen.Add(moRef))
            {
                selected.Add(new ManagedObjectReference("VirtualMachine", moRef));
            }
        }

        if (_identities.ReadAllInstead(index.VirtualMachines.Count))
        {
            _matchOnRead = true;
            Verbose($"{_identities.Count} of {index.VirtualMachines.Count} VMs are asked for: reading them all once and keeping those.");
            var listed = new HashSet<ManagedObjectReference>(index.VirtualMachines);
            return selected.Where(m => !listed.Contains(m)).Concat(index.VirtualMachines).ToList();
        }

        if (_identities.NeedsLookup)
        {
            Report(VMDiscoveryStage.SelectingVMs, index.VirtualMachines.Count);
            var reader = new VMRecordReader(record =>
            {
                string name = record.Name ?? string.Empty;
                if (_identities.MatchesByLookup(record.InstanceUuid ?? string.Empty, record.BiosUuid ?? string.Empty, InventoryName.Unescape(name), name)
                    && seen.Add(record.Self.Value))
                {
                    selected.Add(record.Self);
                }
            });
            await _client.Properties.RetrieveAsync(VMPropertyPaths.LightOverView(view), PageSize, reader, cancellationToken, _ => _pages++).ConfigureAwait(false);
        }

        return selected;
    }

    /// <summary>Full properties of the selected VMs, batch by batch, each VM handed out as it is parsed.</summary>
    private async Task ReadVMsAsync(ManagedObjectReference view, List<ManagedObjectReference> targets, InventoryIndex index, CancellationToken cancellationToken)
    {
        _total = _emitted.Count + targets.Count;
        Report(VMDiscoveryStage.ReadingVMs, _total);
        var watch = Stopwatch.StartNew();
        var heldBack = new List<VMRecord>();
        var specs = new List<PropertyFilterSpec>();
        for (int start = 0; start < targets.Count; start += PageSize)
        {
            specs.Add(VMPropertyPaths.FullForVMs(targets.GetRange(start, Math.Min(PageSize, targets.Count - start))));
        }

        var reader = new VMRecordReader(record =>
        {
            InventoryLocation? location = index.Locate(record.Container);
            if (location is null && record.Name is not null)
            {
                heldBack.Add(record);
                return;
            }

            Consider(record, location, index);
        });
        await _client.Properties.RetrieveBatchesAsync(specs, PageSize, Math.Max(1, _request.Parallelism), reader, cancellationToken,
            _ =>
            {
                _pages++;
                Report(VMDiscoveryStage.ReadingVMs, _total);
            }).ConfigureAwait(false);
        Verbose($"Read {targets.Count} VMs in {specs.Count} batch(es) in {Ms(watch)} ms.");

        if (heldBack.Count > 0)
        {
            // Folders or vApps created while the sweep ran: read the containers once more and place these VMs.
            Verbose($"{heldBack.Count} VM(s) sit in containers created during the sweep; reading the containers again.");
            index.Clear();
            await ReadInventoryAsync(view, index, cancellationToken).ConfigureAwait(false);
            foreach (VMRecord record in heldBack)
            {
                Consider(record, index.Locate(record.Container), index);
            }
        }
    }

    private void Consider(VMRecord record, InventoryLocation? location, InventoryIndex index)
    {
        _read++;
        foreach ((string path, string fault) in record.Missing)
        {
            if (fault == "ManagedObjectNotFound")
            {
                return; // deleted since it was listed
            }

            _missing.TryGetValue((path, fault), out int count);
            _missing[(path, fault)] = count + 1;
        }

        if (record.Name is null || _emitted.Contains(record.Self.Value))
        {
            return;
        }

        string escapedName = record.Name;
        if (_matchOnRead && !_identities.Matches(record.Self.Value, record.InstanceUuid ?? string.Empty, record.BiosUuid ?? string.Empty,
                InventoryName.Unescape(escapedName), escapedName))
        {
            return;
        }

        if (!ByIdentity)
        {
            if (!_filter.MatchesState(record.PowerState, record.IsTemplate))
            {
                if (record.IsTemplate && !_filter.IncludeTemplates)
                {
                    _templatesSkipped++;
                }

                return;
            }

            if (_filter.Narrows && (location is null || !_filter.MatchesPlace(location) || !_filter.MatchesName(InventoryName.Unescape(escapedName), escapedName)))
            {
                return;
            }
        }

        DiscoveredVM vm = VMMapper.Map(record, location, index, _vcenter);
        if (location is null)
        {
            Notify(() => _observer.OnWarning($"VM {vm.Name} ({vm.MoRef}) on vCenter {_vcenter} is not under any datacenter folder vCenter listed; its Datacenter, Folder and Path are incomplete."));
        }

        _emitted.Add(vm.MoRef);
        _filter.Found(vm.Name, vm.InventoryName);
        if (ByIdentity)
        {
            _identities.Found(vm);
        }

        Notify(() => _observer.OnVM(vm));
        if (_emitted.Count % ProgressEvery == 0)
        {
            Report(VMDiscoveryStage.ReadingVMs, _total);
        }
    }

    private void Report(VMDiscoveryStage stage, int? total) =>
        Notify(() => _observer.OnProgress(new VMDiscoveryProgress { Stage = stage, Discovered = _emitted.Count, Read = _read, Total = total, Pages = _pages }));

    private void Verbose(string message) => Notify(() => _observer.OnVerbose(message));

    // The observer's failures (a stopped pipeline, a bug in a callback) pass through the SOAP layer unchanged.
    private static void Notify(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            throw new VisitorAbortedException(exception);
        }
    }

    private static string Ms(Stopwatch watch) => watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture);
}
