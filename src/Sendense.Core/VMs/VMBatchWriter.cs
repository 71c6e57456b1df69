namespace Sendense.Core.VMs;

/// <summary>
/// Writes one planned batch and decides what each of its VMs became. Concurrency needs no locks: two writers adding
/// the same VMs are both correct, because the loser of a race hits a unique key (or a deadlock, or a refreshed row
/// that vanished), its transaction is rolled back by the store, and the batch is planned again against the committed
/// rows, where what was an add becomes unchanged. A batch whose statement fails for one VM's data is split in halves
/// until that VM is isolated, so the rest of the batch lands. Anything else (a lost connection, a stop) propagates:
/// the server has rolled the batch back, so no half-written batch remains.
/// </summary>
internal sealed class VMBatchWriter
{
    /// <summary>Attempts of a batch that keeps losing races before its VMs are reported as conflicts.</summary>
    internal const int MaxAttempts = 8;

    /// <summary>A lock wait this long (30 s, or half the bound when that is shorter) is worth a warning (D5): another session holds the rows.</summary>
    internal static TimeSpan LongWait(RetryPolicy policy) =>
        policy.MaxTotalWait is TimeSpan bound && bound < TimeSpan.FromSeconds(60) ? TimeSpan.FromTicks(bound.Ticks / 2) : TimeSpan.FromSeconds(30);

    private readonly IVMAddSession _session;
    private readonly string _hub;
    private readonly int? _credentialId;
    private readonly IOperationObserver _observer;
    private readonly bool _refresh;

    internal VMBatchWriter(IVMAddSession session, string hub, int? credentialId, IOperationObserver observer, bool refresh = false)
    {
        _refresh = refresh;
        _session = session;
        _hub = hub;
        _credentialId = credentialId;
        _observer = observer;
    }

    /// <summary>Plans a batch on the given lane: what the hub knows, then the pure planner's decisions.</summary>
    internal async Task<IReadOnlyList<VMAddDecision>> PlanAsync(IReadOnlyList<VMAddCandidate> batch, VMAddLane lane, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return Array.Empty<VMAddDecision>();
        }

        VMAddFacts facts = await _session.ReadFactsAsync(batch, lane, cancellationToken).ConfigureAwait(false);
        return VMAddPlanner.Plan(batch, facts, _credentialId, _refresh);
    }

    /// <summary>Writes a prepared batch; one outcome per decision, in order.</summary>
    internal async Task<IReadOnlyList<VMAddOutcome>> WriteAsync(VMAddWrite write, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<int, VMAddOutcome>();
        await WriteIsolatingAsync(write.Decisions, write, outcomes, cancellationToken).ConfigureAwait(false);
        return write.Decisions
            .Select(d => outcomes.TryGetValue(d.Candidate.Index, out VMAddOutcome? outcome) ? outcome : new VMAddOutcome(d.Candidate, null, null))
            .ToList();
    }

    private async Task WriteIsolatingAsync(IReadOnlyList<VMAddDecision> decisions, VMAddWrite? prepared, Dictionary<int, VMAddOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<VMAddDecision> current = decisions;
        RetryPolicy policy = RetryPolicy.HubBatch;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        bool warned = false;
        for (int attempt = 1; ; attempt++)
        {
            List<VMAddDecision> writers = current.Where(d => d.Writes).ToList();
            if (writers.Count == 0)
            {
                Record(current, _session.DatabaseNow, outcomes);
                return;
            }

            VMAddWrite write = prepared ?? _session.Prepare(current);
            prepared = null;
            try
            {
                await _session.WriteAsync(write, cancellationToken).ConfigureAwait(false);
                Record(current, write.WrittenAt, outcomes);
                return;
            }
            catch (VMWriteRejectedException rejected) when (rejected.Rejection != VMWriteRejection.RowData)
            {
                if (!policy.MayRetry(attempt, waited.Elapsed))
                {
                    GiveUp(current, rejected, outcomes, attempt, waited.Elapsed);
                    return;
                }

                TimeSpan wait = policy.Delay(attempt);
                _observer.Verbose(Messages.Retries.RetryingBatch(writers.Count, _hub, rejected, attempt, MaxAttempts, wait, waited.Elapsed));
                if (!warned && rejected.Rejection == VMWriteRejection.LockWait && waited.Elapsed >= LongWait(policy))
                {
                    // D5: a wait this long is another session holding rows, not a race; say so while waiting.
                    warned = true;
                    _observer.Warning(Messages.Retries.WaitingForLock(writers.Count, _hub, waited.Elapsed, policy.MaxTotalWait ?? RetryPolicy.DefaultLockWait));
                }

                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                current = await PlanAsync(current.Select(d => d.Candidate).ToList(), VMAddLane.Write, cancellationToken).ConfigureAwait(false);
            }
            catch (VMWriteRejectedException rejected)
            {
                await SplitAsync(current, writers, rejected, outcomes, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    // One VM's value was refused: isolate it; each half is planned and written on its own.
    private async Task SplitAsync(IReadOnlyList<VMAddDecision> current, List<VMAddDecision> writers, VMWriteRejectedException rejected,
        Dictionary<int, VMAddOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (writers.Count == 1)
        {
            VMAddDecision culprit = writers[0];
            outcomes[culprit.Candidate.Index] = new VMAddOutcome(culprit.Candidate, null, Messages.VMs.ValueRefused(culprit.Candidate, _hub, rejected));
            Record(current.Where(d => !ReferenceEquals(d, culprit)).ToList(), _session.DatabaseNow, outcomes);
            return;
        }

        List<VMAddCandidate> all = current.Select(d => d.Candidate).ToList();
        int half = all.Count / 2;
        foreach (List<VMAddCandidate> part in new[] { all.Take(half).ToList(), all.Skip(half).ToList() })
        {
            IReadOnlyList<VMAddDecision> replanned = await PlanAsync(part, VMAddLane.Write, cancellationToken).ConfigureAwait(false);
            await WriteIsolatingAsync(replanned, null, outcomes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Outcomes of written (or write-free) decisions; repeats share the outcome of the input they repeat.</summary>
    internal static void Record(IReadOnlyList<VMAddDecision> decisions, DateTime writtenAt, Dictionary<int, VMAddOutcome> outcomes)
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

        foreach (VMAddDecision decision in decisions.Where(d => d.Action == VMAddAction.SameAsEarlier))
        {
            if (decision.SameAs is int owner && outcomes.TryGetValue(owner, out VMAddOutcome? first))
            {
                outcomes[decision.Candidate.Index] = new VMAddOutcome(decision.Candidate, first.VM is null ? null : first.VM.Copy(), first.Error);
            }
        }
    }

    private void GiveUp(IReadOnlyList<VMAddDecision> decisions, VMWriteRejectedException rejected, Dictionary<int, VMAddOutcome> outcomes, int attempts, TimeSpan waited)
    {
        foreach (VMAddDecision decision in decisions.Where(d => d.Writes))
        {
            outcomes[decision.Candidate.Index] = new VMAddOutcome(decision.Candidate, null, rejected.Rejection == VMWriteRejection.LockWait
                ? Messages.Retries.LockHeld(decision.Candidate, _hub, rejected, attempts, waited)
                : Messages.VMs.GaveUp(decision.Candidate, _hub, rejected, attempts));
        }

        Record(decisions.Where(d => !d.Writes).ToList(), _session.DatabaseNow, outcomes);
    }

}
