using Sendense.Core.VMs;

namespace Sendense.Tests.Core.VMs;

/// <summary>
/// An in-memory IVMStore for the VM use cases: contexts in a list, facts computed the way the hub's queries compute
/// them (names and uuids compared by the hub's collation), writes applied to the list, and faults on demand: lost
/// races, refused values, a failure or a stop in the middle of a write. Every call is recorded.
/// </summary>
internal sealed class FakeVMStore : IVMStore
{
    internal List<ExistingContext> Contexts { get; } = new List<ExistingContext>();

    internal List<VMRemovalTarget> RemovalTargets { get; } = new List<VMRemovalTarget>();

    internal List<int> WrittenBatchSizes { get; } = new List<int>();

    internal List<VMAddLane> ReadLanes { get; } = new List<VMAddLane>();

    internal List<string> Removed { get; } = new List<string>();

    /// <summary>How many writes lose a race before one succeeds.</summary>
    internal int ConflictsLeft { get; set; }

    /// <summary>The rejection the next lost races report.</summary>
    internal VMWriteRejection ConflictKind { get; set; } = VMWriteRejection.Conflict;

    /// <summary>How long each rejected write takes first (a lock wait lasts innodb_lock_wait_timeout on the server).</summary>
    internal TimeSpan ConflictDelay { get; set; }

    /// <summary>VM names whose values the server refuses (a batch containing one fails as RowData).</summary>
    internal HashSet<string> RefusedNames { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Throws instead of writing the Nth write (1-based), after the earlier writes committed.</summary>
    internal (int Write, Exception Error)? FailWrite { get; set; }

    /// <summary>Runs during the Nth write, before it commits (e.g. to stop the run while a write is in flight).</summary>
    internal (int Write, Func<CancellationToken, Task> During)? DuringWrite { get; set; }

    internal int? OpenedWithCredential { get; private set; }

    internal bool SessionDisposed { get; private set; }

    internal bool WriteInFlight { get; private set; }

    internal bool DisposedDuringWrite { get; private set; }

    public string Hub => "fake@hub:3306/migratekit_oma";

    public Task<IReadOnlyList<VM>> QueryAsync(VMQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VM>>(Contexts.Select(c => c.ToVM()).Where(vm => !query.UngroupedOnly || vm.Groups.Length == 0)
            .OrderBy(vm => vm.Name, StringComparer.OrdinalIgnoreCase).ToList());

    public Task<IReadOnlyList<VMRemovalTarget>> QueryForRemovalAsync(VMQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VMRemovalTarget>>(RemovalTargets
            .Where(t => query.ContextIds.Length == 0 || query.ContextIds.Contains(t.VM.ContextId, StringComparer.OrdinalIgnoreCase))
            .Where(t => query.Names.Length == 0 || query.Names.Any(n => new Wildcard(n).IsMatch(t.VM.Name)))
            .Where(t => !Removed.Contains(t.VM.ContextId)).ToList());

    public Task<IReadOnlyDictionary<string, VMRemovalResult>> RemoveAsync(IReadOnlyList<string> contextIds, bool force, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, VMRemovalResult>();
        foreach (string id in contextIds)
        {
            VMRemovalTarget? target = RemovalTargets.FirstOrDefault(t => t.VM.ContextId == id);
            results[id] = target is null || Removed.Contains(id) ? VMRemovalResult.AlreadyGone
                : target.BusyReason is not null && !force ? VMRemovalResult.Busy
                : VMRemovalResult.Removed;
            if (results[id] == VMRemovalResult.Removed)
            {
                Removed.Add(id);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, VMRemovalResult>>(results);
    }

    public Task<IReadOnlyList<string>> CompleteAsync(VMColumn column, string prefix, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Contexts.Select(c => column == VMColumn.VCenter ? c.VCenterHost : c.VMName)
            .Where(n => new Wildcard(Wildcard.Escape(prefix) + "*").IsMatch(n)).Distinct(StringComparer.OrdinalIgnoreCase).Take(limit).ToList());

    public Task<IVMAddSession> OpenAddSessionAsync(int? credentialId, CancellationToken cancellationToken)
    {
        OpenedWithCredential = credentialId;
        SessionDisposed = false;
        return Task.FromResult<IVMAddSession>(new Session(this));
    }

    internal static ExistingContext Managed(string name, string uuid, string vcenter = "vc1", params string[] diskPaths)
    {
        var context = new ExistingContext
        {
            ContextId = "ctx-" + name + "-20261201-101500",
            VMName = name,
            VMwareVMId = uuid,
            VMPath = "/DC0/vm/" + name,
            VCenterHost = vcenter,
            Datacenter = "DC0",
            CurrentStatus = "discovered",
            CpuCount = 2,
            MemoryMB = 4096,
            OsType = "linux",
            PowerState = "poweredOn",
            VMToolsVersion = "vmx-19",
        };
        for (int i = 0; i < diskPaths.Length; i++)
        {
            context.Disks.Add(new ExistingDisk { RowId = i + 1, DiskId = "disk-" + (2000 + i).ToString(CultureInfo.InvariantCulture), Path = diskPaths[i] });
        }

        return context;
    }

    private sealed class Session : IVMAddSession
    {
        private readonly FakeVMStore _store;
        private int _writes;

        internal Session(FakeVMStore store) => _store = store;

        public DateTime DatabaseNow { get; } = new DateTime(2026, 12, 1, 10, 15, 0, DateTimeKind.Unspecified);

        public Task<VMAddFacts> ReadFactsAsync(IReadOnlyList<VMAddCandidate> batch, VMAddLane lane, CancellationToken cancellationToken)
        {
            _store.ReadLanes.Add(lane);
            var facts = new VMAddFacts { DatabaseNow = DatabaseNow };
            foreach (VMAddCandidate candidate in batch)
            {
                HubVMValues v = candidate.Values;
                ExistingContext? byUuid = _store.Contexts.FirstOrDefault(c => HubCollation.Equal(c.VCenterHost, v.VCenterHost) && HubCollation.Equal(c.VMwareVMId, v.VMwareVMId));
                ExistingContext? byName = _store.Contexts.FirstOrDefault(c => HubCollation.Equal(c.VCenterHost, v.VCenterHost) && HubCollation.Equal(c.VMName, v.VMName));
                Note(facts, facts.ByUuid, candidate.Index, byUuid);
                Note(facts, facts.ByName, candidate.Index, byName);
                // As the hub's reader does: the ids checked here travel with the facts, so the planner writes those.
                var ids = new ContextIdCandidates(v, DatabaseNow);
                facts.ContextIds[candidate.Index] = ids;
                if (_store.Contexts.Any(c => HubCollation.Equal(c.ContextId, ids.Plain)))
                {
                    facts.PlainIdTaken.Add(candidate.Index);
                }
            }

            Group(facts.SameUuid, batch, c => c.Values.VCenterHost + "\n" + c.Values.VMwareVMId);
            Group(facts.SameName, batch, c => c.Values.VCenterHost + "\n" + c.Values.VMName);
            Group(facts.SamePlainId, batch, c => facts.ContextIds[c.Index].Plain ?? string.Empty);
            Group(facts.SameSuffixedId, batch, c => facts.ContextIds[c.Index].Suffixed);
            return Task.FromResult(facts);
        }

        public VMAddWrite Prepare(IReadOnlyList<VMAddDecision> decisions) =>
            new VMAddWrite(decisions, decisions.Any(d => d.Writes) ? "statement" : null, DatabaseNow);

        public async Task WriteAsync(VMAddWrite write, CancellationToken cancellationToken)
        {
            _store.WriteInFlight = true;
            try
            {
                int number = ++_writes;
                List<VMAddDecision> writers = write.Decisions.Where(d => d.Writes).ToList();
                if (_store.DuringWrite is { } during && during.Write == number)
                {
                    await during.During(cancellationToken);
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (_store.FailWrite is { } failure && failure.Write == number)
                {
                    throw failure.Error;
                }

                if (_store.ConflictsLeft > 0)
                {
                    _store.ConflictsLeft--;
                    await Task.Delay(_store.ConflictDelay, cancellationToken);
                    throw new VMWriteRejectedException(_store.ConflictKind, "Deadlock found when trying to get lock");
                }

                if (writers.Any(d => _store.RefusedNames.Contains(d.Candidate.Values.VMName)))
                {
                    throw new VMWriteRejectedException(VMWriteRejection.RowData, "Data too long for column 'vm_name'");
                }

                _store.WrittenBatchSizes.Add(writers.Count);
                foreach (VMAddDecision add in writers.Where(d => d.Action == VMAddAction.Add))
                {
                    _store.Contexts.Add(Managed(add.Candidate.Values.VMName, add.Candidate.Values.VMwareVMId, add.Candidate.Values.VCenterHost));
                }
            }
            finally
            {
                _store.WriteInFlight = false;
            }
        }

        public void Dispose()
        {
            _store.DisposedDuringWrite |= _store.WriteInFlight;
            _store.SessionDisposed = true;
        }

        private static void Note(VMAddFacts facts, Dictionary<int, string> into, int index, ExistingContext? context)
        {
            if (context is not null)
            {
                into[index] = context.ContextId;
                facts.Contexts[context.ContextId] = context;
            }
        }

        private static void Group(List<int[]> into, IReadOnlyList<VMAddCandidate> batch, Func<VMAddCandidate, string> key)
        {
            into.AddRange(batch.GroupBy(c => HubCollation.Fold(key(c)), StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => g.Select(c => c.Index).OrderBy(i => i).ToArray()));
        }
    }
}
