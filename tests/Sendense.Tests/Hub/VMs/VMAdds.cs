using Sendense.Core.VMs;
using Sendense.Hub.Credentials;
using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub.VMs;

/// <summary>What an add reported: the VMs, the inputs refused before planning, the other per-VM errors.</summary>
internal sealed class VMAddResults
{
    internal VMAddResults(RecordingObserver<VM> observer)
    {
        Observer = observer;
        VMs = observer.Values.ToList();
        foreach ((object? input, SendenseException error) in observer.Errors)
        {
            var item = new KeyValuePair<DiscoveredVM, SendenseException>((DiscoveredVM)input!, error);
            (error.Code is SendenseErrorCode.VMInvalid or SendenseErrorCode.VMValueTooLong or SendenseErrorCode.VMIsTemplate ? Refused : Errors).Add(item);
        }
    }

    internal RecordingObserver<VM> Observer { get; }

    internal List<VM> VMs { get; }

    internal List<KeyValuePair<DiscoveredVM, SendenseException>> Refused { get; } = new List<KeyValuePair<DiscoveredVM, SendenseException>>();

    internal List<KeyValuePair<DiscoveredVM, SendenseException>> Errors { get; } = new List<KeyValuePair<DiscoveredVM, SendenseException>>();
}

/// <summary>Runs the shipped Add-SendenseVM use case (VMService over the real stores) on a test database.</summary>
internal static class VMAdds
{
    internal static async Task<VMAddResults> RunAsync(HubDatabase database, IReadOnlyList<DiscoveredVM> vms, int? credentialId = null,
        int batchSize = VMAddRequest.DefaultBatchSize)
    {
        HubConnection hub = await TestVMs.ConnectAsync(database);
        try
        {
            foreach (DiscoveredVM vm in vms)
            {
                vm.CredentialId ??= credentialId;
            }

            var observer = new RecordingObserver<VM>();
            var service = new VMService(new VMStore(hub), new CredentialStore(hub));
            await service.AddAsync(new VMAddRequest { VMs = vms, BatchSize = batchSize }, observer, CancellationToken.None);
            return new VMAddResults(observer);
        }
        finally
        {
            hub.Session.Dispose();
        }
    }
}
