using System.Management.Automation;
using Sendense.Core.VMs;
using Sendense.Hub.VMs;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

// The batch writer of Add-SendenseVM: every input path (discovered VMs, PowerCLI objects, names) ends here.
public sealed partial class AddSendenseVMCommand
{
    private int _reported;

    /// <summary>
    /// The whole add: validate, then per batch plan (one round trip), ask ShouldProcess per VM that would change,
    /// write (one transaction) and output. Any input path that ends in discovered VMs (and the stored credential
    /// they were discovered with) comes through here.
    /// </summary>
    /// <returns>How many VMs were written (added, refreshed or confirmed unchanged); 0 under -WhatIf.</returns>
    private int AddDiscovered(IReadOnlyList<DiscoveredVM> inputs, int? credentialId)
    {
        if (inputs.Count == 0)
        {
            return 0;
        }

        _reported = 0;
        HubConnection hub = ResolveHub();
        bool whatIf = WhatIfMode.IsOn(this);
        VMAddSession run = Call(() => Await(token => VMAddSession.OpenAsync(hub, credentialId, token)), hub);
        using (run)
        {
            // A pipeline: batch i+1 is validated, planned (on the session's second connection), confirmed and built
            // while batch i is being written, and batch i's objects are written out while batch i+1 is. The server
            // never waits for the module, nor the module for the server. So the errors about VMs of batch i+1 may
            // come before the objects of batch i.
            var progress = new ProgressRecord(1, $"Adding VMs to hub {hub}", "Planning");
            Task<IReadOnlyList<VMAddOutcome>>? writing = null;
            int done = 0;
            int inFlight = 0;
            try
            {
                foreach ((int first, int count) in BatchRanges(inputs.Count, BatchSize))
                {
                    var (batch, refused) = VMAddSession.Validate(Slice(inputs, first, count), first);
                    foreach (KeyValuePair<DiscoveredVM, SendenseException> item in refused)
                    {
                        WriteSendenseError(item.Value, item.Key);
                    }

                    VMAddWrite? prepared = null;
                    if (batch.Count > 0)
                    {
                        IReadOnlyList<VMAddDecision> plan = Call(() => Await(token => run.PlanAsync(batch, token)), hub);
                        List<VMAddDecision> approved = Approve(plan, whatIf);
                        prepared = approved.Count > 0 ? run.PrepareWrite(approved) : null;
                    }

                    IReadOnlyList<VMAddOutcome> written = Finish(ref writing, hub);
                    if (prepared is not null)
                    {
                        CancellationToken token = CancellationToken;
                        writing = Task.Run(() => run.WriteAsync(prepared, token), token);
                    }

                    Report(written);
                    done += inFlight;
                    inFlight = count;
                    ShowProgress(progress, done, inputs.Count);
                }

                Report(Finish(ref writing, hub));
            }
            finally
            {
                // A stop or an error while a write is in flight: let it end before the connections close.
                if (writing is not null)
                {
                    try
                    {
                        writing.Wait();
                    }
                    catch (AggregateException)
                    {
                        // Reported already, or the command is stopping anyway.
                    }
                }
            }

            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        return whatIf ? 0 : _reported;
    }

    // Waits for the write in flight and clears it; its outcomes, or none when nothing was being written.
    private IReadOnlyList<VMAddOutcome> Finish(ref Task<IReadOnlyList<VMAddOutcome>>? writing, HubConnection hub)
    {
        if (writing is null)
        {
            return Array.Empty<VMAddOutcome>();
        }

        Task<IReadOnlyList<VMAddOutcome>> task = writing;
        writing = null;
        return Call(() => task.GetAwaiter().GetResult(), hub);
    }

    private void ShowProgress(ProgressRecord progress, int done, int total)
    {
        progress.StatusDescription = $"{done.ToString(CultureInfo.InvariantCulture)} of {total.ToString(CultureInfo.InvariantCulture)} VMs";
        progress.PercentComplete = (int)(100L * done / total);
        WriteProgress(progress);
    }

    // Refusals become errors; changes go through ShouldProcess; unchanged VMs and repeats follow along.
    private List<VMAddDecision> Approve(IReadOnlyList<VMAddDecision> plan, bool whatIf)
    {
        var approved = new List<VMAddDecision>(plan.Count);
        var approvedIndices = new HashSet<int>();
        foreach (VMAddDecision decision in plan)
        {
            switch (decision.Action)
            {
                case VMAddAction.Failed:
                    WriteSendenseError(decision.Error!, decision.Candidate.Source);
                    break;
                case VMAddAction.Add:
                case VMAddAction.Refresh:
                    if (ShouldProcess($"{decision.Candidate.Values.VMName} ({decision.Candidate.Values.VCenterHost})", decision.Describe()))
                    {
                        approved.Add(decision);
                        approvedIndices.Add(decision.Candidate.Index);
                    }

                    break;
                case VMAddAction.Unchanged:
                    WriteVerbose($"{decision.Candidate.Values.VMName} ({decision.Candidate.Values.VCenterHost}) is managed as {decision.ContextId} and unchanged.");
                    if (!whatIf)
                    {
                        approved.Add(decision);
                        approvedIndices.Add(decision.Candidate.Index);
                    }

                    break;
            }
        }

        approved.AddRange(plan.Where(d => d.Action == VMAddAction.SameAsEarlier && d.SameAs is int owner && approvedIndices.Contains(owner)));
        return approved.OrderBy(d => d.Candidate.Index).ToList();
    }

    private void Report(IReadOnlyList<VMAddOutcome> outcomes)
    {
        foreach (VMAddOutcome outcome in outcomes)
        {
            if (outcome.Error is not null)
            {
                WriteSendenseError(outcome.Error, outcome.Candidate.Source);
            }
            else if (outcome.VM is not null)
            {
                _reported++;
                var output = PSObject.AsPSObject(outcome.VM);
                output.TypeNames.Insert(0, AddResultView);
                WriteObject(output);
            }
        }
    }

    // Run-level failures (hub gone, credential unusable) stop the command: every later batch would fail the same way.
    private T Call<T>(Func<T> work, HubConnection hub)
    {
        try
        {
            return work();
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, hub);
            throw;
        }
    }

    // The first batch is a quarter of the others, so that writing starts early and the pipeline fills sooner.
    private static IEnumerable<(int First, int Count)> BatchRanges(int total, int size)
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

    private static List<DiscoveredVM> Slice(IReadOnlyList<DiscoveredVM> inputs, int first, int count)
    {
        var slice = new List<DiscoveredVM>(count);
        for (int i = first; i < first + count; i++)
        {
            slice.Add(inputs[i]);
        }

        return slice;
    }
}
