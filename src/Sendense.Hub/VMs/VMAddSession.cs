using System.Diagnostics;
using MySqlConnector;
using Sendense.Core.VMs;
using Sendense.Hub.Connection;

namespace Sendense.Hub.VMs;

/// <summary>
/// One run of Add-SendenseVM against a hub: two connections, the database clock, and the OSSEA config and credential
/// every new row records. A run is a loop of batches; per batch, <see cref="PlanAsync"/> asks the hub (one round
/// trip, no locks) what it knows about the batch and decides per VM, the caller may drop decisions (ShouldProcess),
/// <see cref="PrepareWrite"/> builds the batch's transaction and <see cref="WriteAsync(VMAddWrite, CancellationToken)"/>
/// sends it (one round trip). Planning and writing have a connection each, so batch i+1 can be planned and built
/// while batch i is written; one plan and one write at a time.
/// <para>
/// Concurrency: two writers adding the same VMs are both correct without locks. The loser of a race hits a unique
/// key (or a deadlock, or a refreshed row that vanished), its transaction is rolled back, and the batch is planned
/// again against the committed rows: what was an add becomes unchanged. A batch whose statement fails for one VM's
/// data is split in halves until that VM is isolated, so the rest of the batch lands. A stop or a lost connection
/// leaves nothing of the batch in flight.
/// </para>
/// </summary>
public sealed class VMAddSession : IDisposable
{
    /// <summary>VMs per batch: one read and one transaction each.</summary>
    public const int DefaultBatchSize = 1000;

    private const int MaxAttempts = 8;
    private const int CommandTimeoutSeconds = 300;

    // Writes (and the re-planning of a batch that lost a race) use one connection; look-ahead planning of the
    // next batch uses the other, so it can run while a write is in flight.
    private readonly MySqlConnection _connection;
    private readonly MySqlConnection _planConnection;
    private readonly string _hub;
    private readonly DateTime _openedAt;
    private readonly Stopwatch _sinceOpen;
    private readonly long _osseaConfigId;
    private readonly bool _noBackslashEscapes;
    private readonly Random _jitter = new Random();

    private VMAddSession(MySqlConnection connection, MySqlConnection planConnection, string hub, DateTime databaseNow, long osseaConfigId, int? credentialId, bool noBackslashEscapes)
    {
        _connection = connection;
        _planConnection = planConnection;
        _noBackslashEscapes = noBackslashEscapes;
        _hub = hub;
        _openedAt = databaseNow;
        _sinceOpen = Stopwatch.StartNew();
        _osseaConfigId = osseaConfigId;
        CredentialId = credentialId;
    }

    /// <summary>The stored vCenter credential new rows record (credential_id); null leaves it unset.</summary>
    public int? CredentialId { get; }

    /// <summary>ossea_config_id for new rows: the newest active OSSEA config, 0 when none (as upstream).</summary>
    public long OsseaConfigId => _osseaConfigId;

    /// <summary>The database server's clock: read once at open, advanced by a monotonic stopwatch.</summary>
    public DateTime DatabaseNow => _openedAt + _sinceOpen.Elapsed;

    /// <summary>
    /// Opens a run. <paramref name="credentialId"/> is the id of the stored vCenter credential the VMs were
    /// discovered with; it must exist and be active (VMCredentialUnusable otherwise).
    /// </summary>
    public static async Task<VMAddSession> OpenAsync(HubConnection hub, int? credentialId, CancellationToken cancellationToken)
    {
        HubSession session = HubEngine.SessionOf(hub);
        string description = hub.ToString();
        MySqlConnection? connection = null;
        MySqlConnection? planConnection = null;
        try
        {
            Task<MySqlConnection> opening = session.OpenConnectionAsync(cancellationToken);
            try
            {
                planConnection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Both connections open at once; whatever happens, the first one is owned (and disposed) here.
                connection = await opening.ConfigureAwait(false);
            }

            using var command = new MySqlCommand(VMAddSql.Open, connection);
            command.Parameters.AddWithValue("@credential", credentialId.HasValue ? credentialId.Value : DBNull.Value);
            DateTime now;
            long ossea;
            object credentialState;
            bool noBackslashEscapes;
            using (MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                now = reader.GetDateTime(0);
                ossea = reader.IsDBNull(1) ? 0 : Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                credentialState = reader.GetValue(2);
                noBackslashEscapes = Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) != 0;
            }

            if (credentialId.HasValue)
            {
                CheckCredential(credentialId.Value, credentialState, description);
            }

            var run = new VMAddSession(connection, planConnection, description, now, ossea, credentialId, noBackslashEscapes);
            connection = null;
            planConnection = null;
            return run;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not SendenseException)
        {
            throw HubErrors.FromQuery(exception, "preparing to add VMs", description);
        }
        finally
        {
            connection?.Dispose();
            planConnection?.Dispose();
        }
    }

    /// <summary>Validates inputs: the candidates to plan, and a per-VM error for each refused input (in input order).</summary>
    public static (IReadOnlyList<VMAddCandidate> Candidates, IReadOnlyList<KeyValuePair<DiscoveredVM, SendenseException>> Refused) Validate(IReadOnlyList<DiscoveredVM> inputs, int firstIndex = 0)
    {
        if (inputs is null)
        {
            throw new ArgumentNullException(nameof(inputs));
        }

        var candidates = new List<VMAddCandidate>(inputs.Count);
        var refused = new List<KeyValuePair<DiscoveredVM, SendenseException>>();
        for (int i = 0; i < inputs.Count; i++)
        {
            try
            {
                candidates.Add(new VMAddCandidate(firstIndex + i, inputs[i], VMInputValidator.Validate(inputs[i])));
            }
            catch (SendenseException exception)
            {
                refused.Add(new KeyValuePair<DiscoveredVM, SendenseException>(inputs[i], exception));
            }
        }

        return (candidates, refused);
    }

    /// <summary>
    /// Asks the hub what it knows about the batch and decides per VM (one round trip, nothing written). It has a
    /// connection of its own, so the next batch can be planned while WriteAsync writes the previous
    /// one; a batch planned that early may meet rows the write it overlapped committed, which the write of that
    /// batch resolves like any other race. One plan at a time, one write at a time.
    /// </summary>
    public Task<IReadOnlyList<VMAddDecision>> PlanAsync(IReadOnlyList<VMAddCandidate> batch, CancellationToken cancellationToken) =>
        PlanOnAsync(_planConnection, batch, cancellationToken);

    private async Task<IReadOnlyList<VMAddDecision>> PlanOnAsync(MySqlConnection connection, IReadOnlyList<VMAddCandidate> batch, CancellationToken cancellationToken)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        if (batch.Count == 0)
        {
            return Array.Empty<VMAddDecision>();
        }

        VMAddFacts facts;
        try
        {
            facts = await ReadFactsAsync(connection, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Cancelled or failed inside its snapshot transaction: end it, so the pooled connection holds nothing open.
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
            if (exception is OperationCanceledException or SendenseException)
            {
                throw;
            }

            throw HubErrors.FromQuery(exception, $"reading what the hub knows about {batch.Count} VMs", _hub);
        }

        return VMAddPlanner.Plan(batch, facts, CredentialId);
    }

    /// <summary>
    /// Builds a batch's write (its SQL) without sending it, so the cmdlet can build batch i+1 while batch i is being
    /// written. Decisions that write nothing are carried along for their outcomes.
    /// </summary>
    public VMAddWrite PrepareWrite(IReadOnlyList<VMAddDecision> decisions)
    {
        if (decisions is null)
        {
            throw new ArgumentNullException(nameof(decisions));
        }

        List<VMAddDecision> writers = decisions.Where(d => d.Writes).ToList();
        return writers.Count == 0
            ? new VMAddWrite(decisions, null, DatabaseNow)
            : BuildWrite(decisions, writers);
    }

    /// <summary>
    /// Writes the decisions' batch in one transaction and returns one outcome per decision, in order. Decisions that
    /// write nothing (unchanged, refused, repeats) get their outcome without touching the database. Losing a race
    /// to another writer re-plans and retries; a connection failure throws (the transaction is rolled back by the
    /// server, so no partial batch remains).
    /// </summary>
    public Task<IReadOnlyList<VMAddOutcome>> WriteAsync(IReadOnlyList<VMAddDecision> decisions, CancellationToken cancellationToken) =>
        WriteAsync(PrepareWrite(decisions), cancellationToken);

    /// <summary>Writes a batch prepared by <see cref="PrepareWrite"/>; see <see cref="WriteAsync(IReadOnlyList{VMAddDecision}, CancellationToken)"/>.</summary>
    public async Task<IReadOnlyList<VMAddOutcome>> WriteAsync(VMAddWrite write, CancellationToken cancellationToken)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        IReadOnlyList<VMAddDecision> decisions = write.Decisions;
        var outcomes = new Dictionary<int, VMAddOutcome>();
        try
        {
            await WriteIsolatingAsync(decisions, write, outcomes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not SendenseException)
        {
            throw HubErrors.FromQuery(exception, $"adding {decisions.Count(d => d.Writes)} VMs", _hub);
        }

        var result = new List<VMAddOutcome>(decisions.Count);
        foreach (VMAddDecision decision in decisions)
        {
            result.Add(outcomes.TryGetValue(decision.Candidate.Index, out VMAddOutcome? outcome)
                ? outcome
                : new VMAddOutcome(decision.Candidate, null, null));
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
        _planConnection.Dispose();
    }

    private async Task WriteIsolatingAsync(IReadOnlyList<VMAddDecision> decisions, VMAddWrite? prepared, Dictionary<int, VMAddOutcome> outcomes, CancellationToken cancellationToken)
    {
        IReadOnlyList<VMAddDecision> current = decisions;
        for (int attempt = 1; ; attempt++)
        {
            List<VMAddDecision> writers = current.Where(d => d.Writes).ToList();
            if (writers.Count == 0)
            {
                Record(current, DatabaseNow, outcomes);
                return;
            }

            try
            {
                VMAddWrite write = prepared ?? BuildWrite(current, writers);
                prepared = null;
                try
                {
                    using var command = new MySqlCommand(write.Sql, _connection) { CommandTimeout = CommandTimeoutSeconds };
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not MySqlException mysql || !(WriteErrors.IsConflict(mysql) || WriteErrors.IsRowData(mysql)))
                {
                    // Stopped (Ctrl+C) or failed mid-transaction: roll back before the connection goes back to the pool,
                    // so no half-written batch holds locks until the pool resets it. (A lost connection: the server did.)
                    await RollbackQuietlyAsync(_connection).ConfigureAwait(false);
                    throw;
                }

                Record(current, write.WrittenAt, outcomes);
                return;
            }
            catch (MySqlException exception) when (WriteErrors.IsConflict(exception))
            {
                await RollbackQuietlyAsync(_connection).ConfigureAwait(false);
                if (attempt >= MaxAttempts)
                {
                    GiveUp(current, exception, outcomes);
                    return;
                }

                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                current = await PlanOnAsync(_connection, current.Select(d => d.Candidate).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (MySqlException exception) when (WriteErrors.IsRowData(exception))
            {
                await RollbackQuietlyAsync(_connection).ConfigureAwait(false);
                if (writers.Count == 1)
                {
                    VMAddDecision culprit = writers[0];
                    outcomes[culprit.Candidate.Index] = new VMAddOutcome(culprit.Candidate, null, HubErrors.FromQuery(exception,
                        $"writing VM '{HubText.ForMessage(culprit.Candidate.Values.VMName)}' ({culprit.Candidate.Values.VCenterHost})", _hub));
                    Record(current.Where(d => !ReferenceEquals(d, culprit)).ToList(), DatabaseNow, outcomes);
                    return;
                }

                // Isolate the VM(s) the server refuses: each half is planned and written on its own.
                List<VMAddCandidate> all = current.Select(d => d.Candidate).ToList();
                int half = all.Count / 2;
                foreach (List<VMAddCandidate> part in new[] { all.Take(half).ToList(), all.Skip(half).ToList() })
                {
                    IReadOnlyList<VMAddDecision> replanned = await PlanOnAsync(_connection, part, cancellationToken).ConfigureAwait(false);
                    await WriteIsolatingAsync(replanned, null, outcomes, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
        }
    }

    // One round trip: the whole batch, START TRANSACTION to COMMIT, as text with literal values.
    private VMAddWrite BuildWrite(IReadOnlyList<VMAddDecision> decisions, List<VMAddDecision> writers)
    {
        DateTime now = DatabaseNow;
        DateTime seconds = VMOutcomeBuilder.WholeSeconds(now);
        DateTime milliseconds = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), now.Kind);

        using var command = new MySqlCommand();
        var sql = new SqlText(command, _noBackslashEscapes);
        string at = "'" + seconds.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";
        string atMs = "'" + milliseconds.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "'";
        string ossea = _osseaConfigId.ToString(CultureInfo.InvariantCulture);
        sql.Sql("START TRANSACTION;\n");

        // Rows in primary key order: concurrent writers then lock keys in the same order (fewer deadlocks), and
        // InnoDB appends to its clustered index instead of splitting pages all over it.
        List<VMAddDecision> adds = writers.Where(d => d.Action == VMAddAction.Add)
            .OrderBy(d => d.ContextId, StringComparer.OrdinalIgnoreCase)
            .ToList();
        List<VMAddDecision> refreshes = writers.Where(d => d.Action == VMAddAction.Refresh)
            .OrderBy(d => d.ContextId, StringComparer.OrdinalIgnoreCase)
            .ToList();
        List<VMAddDecision> refreshedContexts = refreshes.Where(d => d.ChangedColumns.Count > 0).ToList();

        if (adds.Count > 0)
        {
            AppendContextInserts(sql, adds, ossea);
        }

        if (refreshedContexts.Count > 0)
        {
            AppendContextRefresh(sql, refreshedContexts, at);
        }

        List<VMAddDecision> inKeyOrder = adds.Concat(refreshes).ToList();
        AppendDiskInserts(sql, inKeyOrder, atMs);
        AppendDiskRefresh(sql, inKeyOrder, atMs);
        sql.Sql("COMMIT;");
        sql.Build();
        return new VMAddWrite(decisions, command.CommandText, seconds);
    }

    private static void AppendContextInserts(SqlText sql, List<VMAddDecision> adds, string ossea)
    {
        sql.Sql(VMAddSql.InsertContexts);
        for (int i = 0; i < adds.Count; i++)
        {
            VMAddDecision add = adds[i];
            HubVMValues v = add.Candidate.Values;
            string at = "'" + VMOutcomeBuilder.WholeSeconds(add.PlannedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";
            sql.Sql(i == 0 ? "(" : ",\n(")
                .Literal(add.ContextId).Sql(", ").Literal(v.VMName).Sql(", ").Literal(v.VMwareVMId).Sql(", ").Literal(v.VMPath).Sql(", ")
                .Literal(v.VCenterHost).Sql(", ").Literal(v.Datacenter).Sql(VMAddSql.ContextRowFixed)
                .Literal(v.CpuCount).Sql(", ").Literal(v.MemoryMB).Sql(", ").Literal(v.OsType).Sql(", ").Literal(v.PowerState).Sql(", ").Literal(v.VMToolsVersion)
                .Sql(", ").Sql(at).Sql(", ").Sql(at).Sql(", NULL, NULL, ").Sql(at).Sql(", 1, NULL, NULL, 1, ").Sql(ossea).Sql(", ")
                .Literal(add.CredentialId).Sql(")");
        }

        sql.Sql(";\n");
    }

    private static void AppendContextRefresh(SqlText sql, List<VMAddDecision> refreshed, string at)
    {
        sql.Sql(VMAddSql.RefreshPrologue);
        for (int i = 0; i < refreshed.Count; i++)
        {
            VMAddDecision refresh = refreshed[i];
            HubVMValues v = refresh.Candidate.Values;
            sql.Sql(i == 0 ? "(" : ",\n(")
                .Literal(refresh.ContextId).Sql(", ").Literal(v.VMName).Sql(", ").Literal(v.VMPath).Sql(", ").Literal(v.Datacenter).Sql(", ")
                .Literal(v.CpuCount).Sql(", ").Literal(v.MemoryMB).Sql(", ").Literal(v.OsType).Sql(", ").Literal(v.PowerState).Sql(", ")
                .Literal(v.VMToolsVersion).Sql(", ").Literal(refresh.CredentialId).Sql(")");
        }

        sql.Sql(";\n");
        sql.Sql(string.Format(CultureInfo.InvariantCulture, VMAddSql.RefreshApply, at));
        sql.Sql(string.Format(CultureInfo.InvariantCulture, VMAddSql.RefreshGuard, refreshed.Count));
    }

    private static void AppendDiskInserts(SqlText sql, List<VMAddDecision> writers, string writtenAtMs)
    {
        bool first = true;
        foreach (VMAddDecision decision in writers)
        {
            // A new VM's disks share its creation time; disks found on a refresh are created now.
            string atMs = decision.Action == VMAddAction.Add
                ? "'" + decision.PlannedAt.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "'"
                : writtenAtMs;
            foreach (HubDiskValues disk in decision.NewDisks)
            {
                sql.Sql(first ? VMAddSql.InsertDisks + "(" : ",\n(")
                    .Literal(decision.ContextId).Sql(", NULL, ").Literal(disk.DiskId).Sql(", ").Literal(disk.Path).Sql(", ").Literal(disk.SizeGB).Sql(", ")
                    .Literal(disk.Datastore).Sql(", ").Literal(disk.UnitNumber).Sql(", ").Literal(disk.Label).Sql(", ").Literal(disk.CapacityBytes).Sql(", ")
                    .Literal(disk.ProvisioningType).Sql(VMAddSql.DiskRowFixed).Sql(atMs).Sql(", ").Sql(atMs).Sql(VMAddSql.DiskRowEnd);
                first = false;
            }
        }

        if (!first)
        {
            sql.Sql(";\n");
        }
    }

    private static void AppendDiskRefresh(SqlText sql, List<VMAddDecision> writers, string atMs)
    {
        bool first = true;
        foreach (VMAddDecision decision in writers)
        {
            foreach (KeyValuePair<long, HubDiskValues> update in decision.UpdatedDisks)
            {
                HubDiskValues disk = update.Value;
                sql.Sql(first ? VMAddSql.DiskRefreshPrologue + "(" : ",\n(")
                    .Literal(update.Key).Sql(", ").Literal(disk.Path).Sql(", ").Literal(disk.SizeGB).Sql(", ").Literal(disk.Datastore).Sql(", ")
                    .Literal(disk.UnitNumber).Sql(", ").Literal(disk.Label).Sql(", ").Literal(disk.CapacityBytes).Sql(", ").Literal(disk.ProvisioningType).Sql(")");
                first = false;
            }
        }

        if (!first)
        {
            sql.Sql(";\n");
            sql.Sql(string.Format(CultureInfo.InvariantCulture, VMAddSql.DiskRefreshApply, atMs));
        }
    }

    private async Task<VMAddFacts> ReadFactsAsync(MySqlConnection connection, IReadOnlyList<VMAddCandidate> batch, CancellationToken cancellationToken)
    {
        DateTime now = DatabaseNow;
        var facts = new VMAddFacts { DatabaseNow = now };
        using var command = new MySqlCommand { Connection = connection, CommandTimeout = CommandTimeoutSeconds };
        var sql = new SqlText(command, _noBackslashEscapes);
        sql.Sql(VMAddSql.PlanPrologue);
        for (int i = 0; i < batch.Count; i++)
        {
            VMAddCandidate candidate = batch[i];
            var ids = new ContextIdCandidates(candidate.Values, now);
            sql.Sql(i == 0 ? "(" : ",(")
                .Literal(candidate.Index).Sql(",").Literal(candidate.Values.VMName).Sql(",").Literal(candidate.Values.VMwareVMId).Sql(",")
                .Literal(candidate.Values.VCenterHost).Sql(",").Literal(ids.Plain ?? string.Empty).Sql(",").Literal(ids.Suffixed).Sql(")");
        }

        sql.Sql(";\n").Sql(VMAddSql.PlanQueries);
        sql.Build();

        using MySqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        foreach (Dictionary<int, string> matches in new[] { facts.ByUuid, facts.ByName })
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                int index = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                string contextId = reader.GetString(1);
                matches[index] = contextId;
                if (!facts.Contexts.ContainsKey(contextId))
                {
                    facts.Contexts[contextId] = ContextColumns.Read(reader, offset: 1);
                }
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (HashSet<int> taken in new[] { facts.PlainIdTaken, facts.SuffixedIdTaken })
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                taken.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (List<int[]> groups in new[] { facts.SameUuid, facts.SameName, facts.SamePlainId, facts.SameSuffixedId })
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                groups.Add(ParseIndices(reader.GetString(0)));
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        var groupsSeen = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // A context matched by several inputs (repeats) comes back once per input: attach each group once.
            string contextId = reader.GetString(0);
            string group = reader.GetString(1);
            if (groupsSeen.Add(contextId + "\n" + group))
            {
                ContextColumns.AttachGroup(facts.Contexts, contextId, group);
            }
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var disksSeen = new HashSet<long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ExistingDisk disk = ContextColumns.ReadDisk(reader);
            if (disksSeen.Add(disk.RowId) && facts.Contexts.TryGetValue(reader.GetString(0), out ExistingContext? context))
            {
                context.Disks.Add(disk);
            }
        }

        return facts;
    }

    private static int[] ParseIndices(string list) =>
        list.Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();

    private static void Record(IReadOnlyList<VMAddDecision> decisions, DateTime writtenAt, Dictionary<int, VMAddOutcome> outcomes)
    {
        foreach (VMAddDecision decision in decisions)
        {
            switch (decision.Action)
            {
                case VMAddAction.Add:
                case VMAddAction.Refresh:
                case VMAddAction.Unchanged:
                    outcomes[decision.Candidate.Index] = new VMAddOutcome(decision.Candidate, VMOutcomeBuilder.Build(decision, writtenAt), null);
                    break;
                case VMAddAction.Failed:
                    outcomes[decision.Candidate.Index] = new VMAddOutcome(decision.Candidate, null, decision.Error);
                    break;
            }
        }

        // Repeats of the same VM share the outcome of the one they repeat (each gets its own object).
        foreach (VMAddDecision decision in decisions.Where(d => d.Action == VMAddAction.SameAsEarlier))
        {
            if (decision.SameAs is int owner && outcomes.TryGetValue(owner, out VMAddOutcome? first))
            {
                outcomes[decision.Candidate.Index] = new VMAddOutcome(decision.Candidate, first.VM is null ? null : VMOutcomeBuilder.Copy(first.VM), first.Error);
            }
        }
    }

    private void GiveUp(IReadOnlyList<VMAddDecision> decisions, MySqlException exception, Dictionary<int, VMAddOutcome> outcomes)
    {
        foreach (VMAddDecision decision in decisions)
        {
            if (decision.Writes)
            {
                outcomes[decision.Candidate.Index] = new VMAddOutcome(decision.Candidate, null, new SendenseException(SendenseErrorCode.VMWriteConflict,
                    $"Other writers kept changing the hub's rows for VM '{HubText.ForMessage(decision.Candidate.Values.VMName)}' ({decision.Candidate.Values.VCenterHost}) " +
                    $"on {_hub}; gave up after {MaxAttempts} attempts ({exception.Message}). Nothing of its batch was written; run the command again.", exception)
                { IsTransient = true });
            }
        }

        Record(decisions.Where(d => !d.Writes).ToList(), DatabaseNow, outcomes);
    }

    private static async Task RollbackQuietlyAsync(MySqlConnection connection)
    {
        try
        {
            using var rollback = new MySqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MySqlException or InvalidOperationException or ObjectDisposedException or System.IO.IOException)
        {
            // The connection is gone: the server has rolled the transaction back itself.
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        int ceiling = Math.Min(1000, 25 << Math.Min(attempt, 5));
        lock (_jitter)
        {
            return TimeSpan.FromMilliseconds(_jitter.Next(ceiling / 2, ceiling));
        }
    }

    private static void CheckCredential(int credentialId, object state, string hub)
    {
        if (state is DBNull)
        {
            throw new SendenseException(SendenseErrorCode.VMCredentialUnusable,
                $"The hub {hub} has no stored vCenter credential with id {credentialId}. Pick one from Get-SendenseVCenterCredential.");
        }

        if (Convert.ToInt32(state, CultureInfo.InvariantCulture) == 0)
        {
            throw new SendenseException(SendenseErrorCode.VMCredentialUnusable,
                $"The stored vCenter credential {credentialId} on {hub} is disabled (is_active = 0); the hub would not use it. Enable it or pick another one.");
        }
    }
}
