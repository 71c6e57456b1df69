namespace Sendense.Core.VMs;

/// <summary>
/// The batch loop of Add-SendenseVM, for VMs that all record the same stored credential. A pipeline: batch i+1 is
/// validated, planned (on the session's look-ahead connection), confirmed and built while batch i is written, so the
/// server never waits for the module nor the module for the server. Outcomes of a batch are reported as soon as its
/// transaction commits. A stop lets the write in flight end before the session closes and says how many VMs had
/// been committed, so a script can tell what landed.
/// </summary>
internal sealed class VMAddRun
{
    private const int ProgressId = 0x5E4E;

    private readonly IVMAddSession _session;
    private readonly VMBatchWriter _writer;
    private readonly IOutcomeObserver<VM> _observer;
    private readonly string _hub;
    private readonly bool _whatIf;
    private int _committed;

    private readonly bool _refresh;

    private readonly int _progressId = ProgressId;
    private readonly int _parentId = -1;

    /// <summary>A run; in refresh mode <paramref name="childIndex"/> (the vCenter's place in the fan-out) gives it a bar of its own under the parent.</summary>
    internal VMAddRun(IVMAddSession session, string hub, int? credentialId, bool whatIf, IOutcomeObserver<VM> observer, bool refresh = false, int childIndex = -1)
    {
        _refresh = refresh;
        if (childIndex >= 0)
        {
            _progressId = Refresh.VCenterFanOut.ChildProgressId(childIndex) + 0x100;
            _parentId = Refresh.VCenterFanOut.ParentProgressId;
        }

        _session = session;
        _hub = hub;
        _whatIf = whatIf;
        _observer = observer;
        _writer = new VMBatchWriter(session, hub, credentialId, observer, refresh);
    }

    /// <summary>Runs every batch; returns how many VMs were written (added, refreshed or confirmed unchanged), 0 under -WhatIf.</summary>
    internal async Task<int> RunAsync(IReadOnlyList<DiscoveredVM> inputs, int batchSize, CancellationToken cancellationToken)
    {
        string activity = _refresh ? $"Refreshing VMs in hub {_hub}" : $"Adding VMs to hub {_hub}";
        Task? writing = null;
        int done = 0;
        try
        {
            foreach ((int first, int count) in BatchRanges(inputs.Count, batchSize))
            {
                List<VMAddCandidate> batch = Validate(inputs, first, count);
                VMAddWrite? prepared = null;
                if (batch.Count > 0)
                {
                    IReadOnlyList<VMAddDecision> plan = await _writer.PlanAsync(batch, VMAddLane.LookAhead, cancellationToken).ConfigureAwait(false);
                    List<VMAddDecision> approved = await ApproveAsync(plan, cancellationToken).ConfigureAwait(false);
                    prepared = approved.Count > 0 ? _session.Prepare(approved) : null;
                }

                if (writing is not null)
                {
                    await writing.ConfigureAwait(false);
                }

                writing = prepared is null ? null : WriteAndReportAsync(prepared, cancellationToken);
                done += count;
                _observer.Progress(new OperationProgress(_progressId, activity, $"{done:N0} of {inputs.Count:N0} VMs planned, {_committed:N0} written")
                {
                    ParentId = _parentId,
                    Percent = (int)(100L * done / inputs.Count),
                });
            }

            if (writing is not null)
            {
                await writing.ConfigureAwait(false);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // A stop surfaces as OperationCanceledException, or as whatever the driver throws for the statement it
            // interrupted: either way the user must learn what had landed (D7).
            await EndQuietlyAsync(writing).ConfigureAwait(false);
            _observer.Warning(_refresh ? Messages.Refresh.Stopped(_committed, _hub) : Messages.VMs.AddStopped(_committed, _hub));
            throw;
        }
        catch
        {
            await EndQuietlyAsync(writing).ConfigureAwait(false);
            throw;
        }
        finally
        {
            _observer.Progress(new OperationProgress(_progressId, activity, "Done") { Completed = true, ParentId = _parentId });
        }

        return _whatIf ? 0 : _committed;
    }

    private List<VMAddCandidate> Validate(IReadOnlyList<DiscoveredVM> inputs, int first, int count)
    {
        var candidates = new List<VMAddCandidate>(count);
        for (int i = first; i < first + count; i++)
        {
            try
            {
                candidates.Add(new VMAddCandidate(i, inputs[i], VMInputValidator.Validate(inputs[i])));
            }
            catch (SendenseException exception)
            {
                _observer.Outcome(Outcome.Fail<VM>(inputs[i], exception));
            }
        }

        return candidates;
    }

    // Refusals become errors; adds and refreshes are confirmed (one question for the batch); unchanged VMs and repeats follow along.
    private async Task<List<VMAddDecision>> ApproveAsync(IReadOnlyList<VMAddDecision> plan, CancellationToken cancellationToken)
    {
        foreach (VMAddDecision failed in plan.Where(d => d.Action == VMAddAction.Failed))
        {
            _observer.Outcome(Outcome.Fail<VM>(failed.Candidate.Source, failed.Error!));
        }

        foreach (VMAddDecision kept in plan.Where(d => d.KeptDisks.Count > 0))
        {
            _observer.Warning(Messages.Refresh.JobOwnedDisksKept(kept));
        }

        List<VMAddDecision> changes = plan.Where(d => d.Writes).ToList();
        IReadOnlyList<bool> answers = changes.Count == 0
            ? Array.Empty<bool>()
            : await _observer.ConfirmAsync(changes.Select(d => new ChangeRequest(d.Candidate.ToString(), d.Describe())).ToList(), cancellationToken).ConfigureAwait(false);
        var approved = new HashSet<int>(changes.Where((_, i) => answers[i]).Select(d => d.Candidate.Index));
        foreach (VMAddDecision unchanged in plan.Where(d => d.Action == VMAddAction.Unchanged))
        {
            _observer.Verbose($"{unchanged.Candidate} is managed as {unchanged.ContextId} and unchanged.");
            if (!_whatIf)
            {
                approved.Add(unchanged.Candidate.Index);
            }
        }

        return plan.Where(d => approved.Contains(d.Candidate.Index)
                || (d.Action == VMAddAction.SameAsEarlier && d.SameAs is int owner && approved.Contains(owner)))
            .ToList();
    }

    private async Task WriteAndReportAsync(VMAddWrite write, CancellationToken cancellationToken)
    {
        IReadOnlyList<VMAddOutcome> outcomes = await _writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        foreach (VMAddOutcome outcome in outcomes)
        {
            if (outcome.Error is not null)
            {
                _observer.Outcome(Outcome.Fail<VM>(outcome.Candidate.Source, outcome.Error));
            }
            else if (outcome.VM is not null)
            {
                Interlocked.Increment(ref _committed);
                _observer.Outcome(Outcome.Of(outcome.Candidate.Source, outcome.VM));
            }
        }
    }

    private static async Task EndQuietlyAsync(Task? writing)
    {
        if (writing is null)
        {
            return;
        }

        try
        {
            await writing.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SendenseException or VMWriteRejectedException)
        {
            // Reported by the caller already, or the command is stopping anyway.
        }
    }

    /// <summary>Batch bounds: the first batch is a quarter of the others, so that writing starts early and the pipeline fills sooner.</summary>
    internal static IEnumerable<(int First, int Count)> BatchRanges(int total, int size)
    {
        int first = 0;
        int next = Math.Max(1, size / 4);
        while (first < total)
        {
            int count = Math.Min(next, total - first);
            yield return (first, count);
            first += count;
            next = size;
        }
    }
}
