namespace Sendense.Core.VMs;

/// <summary>
/// Decides, for one batch of validated candidates and the facts the hub reported about them, which VMs are added,
/// refreshed, left unchanged or refused. Pure: no I/O, so every rule is covered by unit tests.
/// <para>Identity is (vcenter_host, BIOS uuid); the schema also keeps (vcenter_host, vm_name) unique. Hence:</para>
/// <list type="bullet">
/// <item>uuid and name both match the same managed row: refresh (or unchanged).</item>
/// <item>uuid matches a row under another name and no row has the new name: a rename if the VM still owns at
/// least one of the row's disk files (vCenter keeps the files on rename), else a clone that kept the uuid, which is
/// refused so that it never takes over the original's context.</item>
/// <item>the name is taken by a row with another uuid: refused (the schema forbids it).</item>
/// <item>within the input, the same uuid or name twice: the one that matches the hub wins, else the first;
/// an exact repeat of the same VM shares its outcome.</item>
/// </list>
/// </summary>
public static class VMAddPlanner
{
    /// <summary>
    /// Plans a batch; the decisions come back in the candidates' order. With <paramref name="refresh"/>
    /// (Update-SendenseVM, whose input is the managed VMs as vCenter has them now) a VM is never added, a rename needs
    /// no shared disk file (the VM was found by its own identity), and rows of disks gone from vCenter are deleted
    /// when no job owns them.
    /// </summary>
    public static IReadOnlyList<VMAddDecision> Plan(IReadOnlyList<VMAddCandidate> batch, VMAddFacts facts, int? credentialId, bool refresh = false)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        var byIndex = batch.ToDictionary(c => c.Index);
        var decisions = new Dictionary<int, VMAddDecision>();

        VMAddDuplicates.ResolveSameUuid(facts, byIndex, decisions);
        VMAddDuplicates.ResolveSameName(facts, byIndex, decisions);

        foreach (VMAddCandidate candidate in batch)
        {
            if (!decisions.ContainsKey(candidate.Index))
            {
                decisions[candidate.Index] = Decide(candidate, facts, credentialId, refresh);
            }
        }

        AssignContextIds(batch, facts, decisions);
        foreach (VMAddDecision decision in decisions.Values)
        {
            decision.PlannedAt = facts.DatabaseNow;
        }

        return batch.Select(c => decisions[c.Index]).ToList();
    }

    private static VMAddDecision Decide(VMAddCandidate candidate, VMAddFacts facts, int? credentialId, bool refresh)
    {
        HubVMValues values = candidate.Values;
        facts.ByUuid.TryGetValue(candidate.Index, out string? uuidContext);
        facts.ByName.TryGetValue(candidate.Index, out string? nameContext);

        if (uuidContext is null && refresh)
        {
            return Failed(candidate, SendenseErrorCode.RefreshNotManaged,
                $"VM '{Shown(candidate)}' (BIOS uuid {values.VMwareVMId}) on {values.VCenterHost} is no longer managed by the hub: another command removed it " +
                "during the refresh. Add it again with Add-SendenseVM if it should be managed.");
        }

        if (uuidContext is null && nameContext is null)
        {
            return new VMAddDecision(candidate, VMAddAction.Add) { NewDisks = values.Disks, CredentialId = credentialId };
        }

        if (uuidContext is null)
        {
            ExistingContext other = facts.Contexts[nameContext!];
            return Failed(candidate, SendenseErrorCode.VMNameConflict,
                $"The hub already manages another VM named '{HubText.ForMessage(other.VMName)}' on {values.VCenterHost} (context {other.ContextId}, BIOS uuid {other.VMwareVMId}); " +
                $"this one has BIOS uuid {values.VMwareVMId}. The hub keeps one VM per name and vCenter: if the old VM was replaced, remove its context with " +
                $"Remove-SendenseVM -ContextId '{other.ContextId}' and add this one again; otherwise rename one of them in vCenter.");
        }

        ExistingContext managed = facts.Contexts[uuidContext];
        if (nameContext is not null && !string.Equals(nameContext, uuidContext, StringComparison.Ordinal))
        {
            ExistingContext holder = facts.Contexts[nameContext];
            return Failed(candidate, SendenseErrorCode.VMNameConflict,
                $"VM '{Shown(candidate)}' on {values.VCenterHost} is managed as context {managed.ContextId} under the name '{HubText.ForMessage(managed.VMName)}', " +
                $"but its new name is held by another managed VM (context {holder.ContextId}, BIOS uuid {holder.VMwareVMId}). " +
                $"Remove the stale context with Remove-SendenseVM -ContextId '{holder.ContextId}', or rename one of the VMs in vCenter.");
        }

        if (nameContext is null && !refresh && !SharesDiskFiles(managed, values))
        {
            return Failed(candidate, SendenseErrorCode.VMDuplicateBiosUuid,
                $"The hub already manages '{HubText.ForMessage(managed.VMName)}' (context {managed.ContextId}) with BIOS uuid {values.VMwareVMId} on {values.VCenterHost}. " +
                $"'{Shown(candidate)}' has the same uuid but none of its disk files, so it looks like a clone, not a rename. Give the clone a new BIOS uuid (uuid.bios); " +
                $"if '{HubText.ForMessage(managed.VMName)}' was renamed and its files moved, remove context {managed.ContextId} with Remove-SendenseVM and add the VM again.");
        }

        VMAddDecision diff = Diff(candidate, managed, credentialId);
        return refresh ? WithVanishedDisks(diff, managed, values) : diff;
    }

    // Rows of disks vCenter no longer has: deleted when no job owns them (contract §3: job-owned disks are never touched).
    private static VMAddDecision WithVanishedDisks(VMAddDecision decision, ExistingContext managed, HubVMValues values)
    {
        var current = new HashSet<string>(values.Disks.Select(d => d.DiskId), StringComparer.OrdinalIgnoreCase);
        List<ExistingDisk> gone = managed.Disks.Where(d => !current.Contains(d.DiskId)).ToList();
        decision.VanishedDisks = gone.Where(d => d.JobId is null).Select(d => d.RowId).ToList();
        decision.KeptDisks = gone.Where(d => d.JobId is not null).ToList();
        if (decision.VanishedDisks.Count > 0 && decision.Action == VMAddAction.Unchanged)
        {
            decision.Action = VMAddAction.Refresh;
        }

        return decision;
    }

    private static VMAddDecision Diff(VMAddCandidate candidate, ExistingContext managed, int? credentialId)
    {
        HubVMValues values = candidate.Values;
        var changed = new List<string>();
        Compare(changed, "vm_name", managed.VMName, values.VMName);
        Compare(changed, "vm_path", managed.VMPath, values.VMPath);
        Compare(changed, "datacenter", managed.Datacenter, values.Datacenter);
        Compare(changed, "cpu_count", managed.CpuCount, values.CpuCount);
        Compare(changed, "memory_mb", managed.MemoryMB, values.MemoryMB);
        Compare(changed, "os_type", managed.OsType, values.OsType);
        Compare(changed, "power_state", managed.PowerState, values.PowerState);
        Compare(changed, "vm_tools_version", managed.VMToolsVersion, values.VMToolsVersion);
        int? credentialToSet = null;
        if (credentialId.HasValue && managed.CredentialId != credentialId)
        {
            changed.Add("credential_id");
            credentialToSet = credentialId;
        }

        var existingDisks = new Dictionary<string, ExistingDisk>(StringComparer.OrdinalIgnoreCase);
        foreach (ExistingDisk disk in managed.Disks)
        {
            existingDisks[disk.DiskId] = disk;
        }

        var newDisks = new List<HubDiskValues>();
        var updatedDisks = new List<KeyValuePair<long, HubDiskValues>>();
        foreach (HubDiskValues disk in values.Disks)
        {
            if (!existingDisks.TryGetValue(disk.DiskId, out ExistingDisk? row))
            {
                newDisks.Add(disk);
            }
            else if (row.JobId is null && DiskDiffers(row, disk))
            {
                updatedDisks.Add(new KeyValuePair<long, HubDiskValues>(row.RowId, disk));
            }
        }

        bool writes = changed.Count > 0 || newDisks.Count > 0 || updatedDisks.Count > 0;
        return new VMAddDecision(candidate, writes ? VMAddAction.Refresh : VMAddAction.Unchanged)
        {
            ContextId = managed.ContextId,
            Existing = managed,
            ChangedColumns = changed,
            NewDisks = newDisks,
            UpdatedDisks = updatedDisks,
            CredentialId = credentialToSet,
        };
    }

    // New contexts get the upstream id when it fits and is free, else the shortened form with the identity suffix.
    private static void AssignContextIds(IReadOnlyList<VMAddCandidate> batch, VMAddFacts facts, Dictionary<int, VMAddDecision> decisions)
    {
        var plainGroupOf = VMAddDuplicates.GroupLookup(facts.SamePlainId);
        var suffixedGroupOf = VMAddDuplicates.GroupLookup(facts.SameSuffixedId);
        var claimedPlain = new HashSet<int>();
        var claimedSuffixed = new HashSet<int>();
        var chosen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (VMAddCandidate candidate in batch)
        {
            VMAddDecision decision = decisions[candidate.Index];
            if (decision.Action != VMAddAction.Add)
            {
                continue;
            }

            ContextIdCandidates ids = facts.ContextIds.TryGetValue(candidate.Index, out ContextIdCandidates read)
                ? read
                : new ContextIdCandidates(candidate.Values, facts.DatabaseNow);
            int plainGroup = plainGroupOf.TryGetValue(candidate.Index, out int p) ? p : -1 - candidate.Index;
            int suffixedGroup = suffixedGroupOf.TryGetValue(candidate.Index, out int s) ? s : -1 - candidate.Index;
            if (ids.Plain is not null && !facts.PlainIdTaken.Contains(candidate.Index) && !claimedPlain.Contains(plainGroup) && chosen.Add(ids.Plain))
            {
                claimedPlain.Add(plainGroup);
                decision.ContextId = ids.Plain;
            }
            else if (!facts.SuffixedIdTaken.Contains(candidate.Index) && !claimedSuffixed.Contains(suffixedGroup) && chosen.Add(ids.Suffixed))
            {
                claimedSuffixed.Add(suffixedGroup);
                decision.ContextId = ids.Suffixed;
            }
            else
            {
                // Both forms are taken in the same second: only a concurrent writer adding the very same VM gets here.
                decision.Action = VMAddAction.Failed;
                decision.NewDisks = Array.Empty<HubDiskValues>();
                decision.Error = new SendenseException(SendenseErrorCode.VMWriteConflict,
                    $"No free context id for VM '{Shown(candidate)}' on {candidate.Values.VCenterHost} in this second ({ids.Suffixed} is taken). Run the command again.")
                { IsTransient = true };
            }
        }
    }

    // vCenter keeps a VM's files on rename; a clone always has its own.
    private static bool SharesDiskFiles(ExistingContext managed, HubVMValues values)
    {
        var files = new HashSet<string>(managed.Disks.Select(d => d.Path).Where(p => p.Length > 0), StringComparer.OrdinalIgnoreCase);
        return values.Disks.Any(d => d.Path.Length > 0 && files.Contains(d.Path));
    }

    private static bool DiskDiffers(ExistingDisk row, HubDiskValues disk) =>
        !string.Equals(row.Path, disk.Path, StringComparison.Ordinal)
        || row.SizeGB != disk.SizeGB
        || !string.Equals(row.Datastore, disk.Datastore, StringComparison.Ordinal)
        || row.UnitNumber != disk.UnitNumber
        || !string.Equals(row.Label, disk.Label, StringComparison.Ordinal)
        || row.CapacityBytes != disk.CapacityBytes
        || !string.Equals(row.ProvisioningType, disk.ProvisioningType, StringComparison.Ordinal);

    private static void Compare(List<string> changed, string column, string? current, string wanted)
    {
        if (!string.Equals(current, wanted, StringComparison.Ordinal))
        {
            changed.Add(column);
        }
    }

    private static void Compare(List<string> changed, string column, int? current, int wanted)
    {
        if (current != wanted)
        {
            changed.Add(column);
        }
    }

    internal static VMAddDecision Failed(VMAddCandidate candidate, SendenseErrorCode code, string message) =>
        new VMAddDecision(candidate, VMAddAction.Failed) { Error = new SendenseException(code, message) };

    internal static string Shown(VMAddCandidate candidate) => HubText.ForMessage(candidate.Values.VMName);
}
