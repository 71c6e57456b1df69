using Sendense.Core.VMs;
using Sendense.Hub.VMs;
using Sendense.Tests.Rig;

namespace Sendense.Tests.Management;

/// <summary>The cmdlet's batch loop without PowerShell: validate, then plan and write batch by batch, everything approved.</summary>
internal static class VMAddRun
{
    internal sealed class Result
    {
        internal List<VM> VMs { get; } = new List<VM>();

        internal List<KeyValuePair<DiscoveredVM, SendenseException>> Refused { get; } = new List<KeyValuePair<DiscoveredVM, SendenseException>>();

        internal List<KeyValuePair<DiscoveredVM, SendenseException>> Errors { get; } = new List<KeyValuePair<DiscoveredVM, SendenseException>>();
    }

    internal static async Task<Result> RunAsync(HubDatabase database, IReadOnlyList<DiscoveredVM> vms, int? credentialId = null, int batchSize = VMAddSession.DefaultBatchSize)
    {
        HubConnection hub = await TestVMs.ConnectAsync(database);
        try
        {
            var result = new Result();
            var (candidates, refused) = VMAddSession.Validate(vms);
            result.Refused.AddRange(refused);
            using VMAddSession run = await VMAddSession.OpenAsync(hub, credentialId, CancellationToken.None);
            for (int start = 0; start < candidates.Count; start += batchSize)
            {
                List<VMAddCandidate> batch = candidates.Skip(start).Take(batchSize).ToList();
                IReadOnlyList<VMAddDecision> plan = await run.PlanAsync(batch, CancellationToken.None);
                foreach (VMAddOutcome outcome in await run.WriteAsync(plan, CancellationToken.None))
                {
                    if (outcome.VM is not null)
                    {
                        result.VMs.Add(outcome.VM);
                    }
                    else if (outcome.Error is not null)
                    {
                        result.Errors.Add(new KeyValuePair<DiscoveredVM, SendenseException>(outcome.Candidate.Source, outcome.Error));
                    }
                }
            }

            return result;
        }
        finally
        {
            hub.Session.Dispose();
        }
    }
}
