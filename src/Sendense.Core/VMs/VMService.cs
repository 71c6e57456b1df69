using Sendense.Core.Credentials;

namespace Sendense.Core.VMs;

/// <summary>
/// The use cases of the VMs the hub manages (vm_replication_contexts, vm_disks): list them (Get-SendenseVM,
/// Get-SendenseUngroupedVM), add or refresh them (Add-SendenseVM), remove them (Remove-SendenseVM), complete their
/// names. Names match as the hub compares them: the store's query narrows with = or LIKE, and the one Wildcard
/// decides here, so every cmdlet agrees on what a name means.
/// </summary>
public sealed class VMService
{
    private readonly IVMStore _store;
    private readonly ICredentialStore? _credentials;

    /// <summary>A service over the hub's VM tables; <paramref name="credentials"/> is needed to record and resolve stored credentials.</summary>
    public VMService(IVMStore store, ICredentialStore? credentials = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _credentials = credentials;
    }

    /// <summary>
    /// The VMs that match, ordered by name, one outcome each; then, as Get-VM does, a VMNotFound for every name without
    /// wildcards and every context id that matched nothing.
    /// </summary>
    public async Task GetAsync(VMQuery query, IOutcomeObserver<VM> observer, CancellationToken cancellationToken)
    {
        IReadOnlyList<VM> vms = Decide(query, await _store.QueryAsync(query, cancellationToken).ConfigureAwait(false), observer);
        Report(query, vms, observer);
    }

    /// <summary>Adds or refreshes VMs in batches (one transaction each); one outcome per input.</summary>
    public Task AddAsync(VMAddRequest request, IOutcomeObserver<VM> observer, CancellationToken cancellationToken) =>
        new VMAddition(_store, _credentials, observer).AddAsync(request ?? throw new ArgumentNullException(nameof(request)), cancellationToken);

    /// <summary>Removes VMs from hub management; busy ones only with <see cref="VMRemoveRequest.Force"/>. Errors are outcomes.</summary>
    public Task RemoveAsync(VMRemoveRequest request, IOutcomeObserver<VM> observer, CancellationToken cancellationToken) =>
        new VMRemoval(_store, observer).RemoveAsync(request ?? throw new ArgumentNullException(nameof(request)), cancellationToken);

    /// <summary>Values of a column that start with <paramref name="prefix"/>, for tab completion.</summary>
    public Task<IReadOnlyList<string>> CompleteAsync(VMColumn column, string prefix, int limit, CancellationToken cancellationToken) =>
        _store.CompleteAsync(column, prefix ?? string.Empty, limit, cancellationToken);

    /// <summary>The VMs of the query, decided by the one wildcard; a name only the hub's collation makes equal is said.</summary>
    internal async Task<IReadOnlyList<VM>> FindAsync(VMQuery query, IOperationObserver observer, CancellationToken cancellationToken) =>
        Decide(query, await _store.QueryAsync(query, cancellationToken).ConfigureAwait(false), observer);

    // The loops over every VM are in synchronous methods, not in the async one: a loop over 10,000 VMs is hot, and the
    // runtime then recompiles the method that holds it while it runs, which costs more the larger the method
    // (VMRowFolder says how much).
    private void Report(VMQuery query, IReadOnlyList<VM> vms, IOutcomeObserver<VM> observer)
    {
        observer.Successes(vms);
        foreach ((string value, SendenseException error) in query.ReportMisses ? VMLookupMisses.NotFound(query, vms, _store.Hub) : Array.Empty<(string, SendenseException)>())
        {
            observer.Outcome(Outcome.Fail<VM>(value, error));
        }
    }

    // Synchronous, and called by each use case itself rather than through FindAsync: every async layer on the listing
    // path is code the process compiles on its first listing (docs/benchmarks.md, "first call").
    private static List<VM> Decide(VMQuery query, IReadOnlyList<VM> rows, IOperationObserver observer)
    {
        VMQueryMatcher? matcher = VMQueryMatcher.For(query);
        // The store's list is fresh for each query and is only read from here on, so it is used as it is.
        List<VM> vms = matcher is null ? rows as List<VM> ?? new List<VM>(rows) : rows.Where(matcher.IsMatch).ToList();
        if (query.IncludeProtection)
        {
            vms = Sendense.Core.Flows.VMProtection.Decide(vms, query.ProtectionStatuses);
        }

        foreach ((string given, VM vm) in matcher?.EqualOnlyToTheHub(vms) ?? Enumerable.Empty<(string, VM)>())
        {
            observer.Warning(Messages.EqualToTheHub("VM", given, vm.Name));
        }

        return vms;
    }
}
