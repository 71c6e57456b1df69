using Sendense.Core.Groups;

namespace Sendense.Core.Flows;

/// <summary>
/// What the protection flow use cases (<see cref="FlowService"/>) need from the hub: reads that join across the
/// collation split safely (contract §1.5), and writes that land whole or not at all. Implemented over MariaDB in
/// Sendense.Hub (FlowStore); faked in xUnit. No rule lives here: the store reports rows, the service decides.
/// </summary>
public interface IFlowStore
{
    /// <summary>The hub, for messages ("user@server:port/db").</summary>
    public string Hub { get; }

    /// <summary>Flows that pass the filter, ordered by name, each with its names, machine count and last execution: one query.</summary>
    public Task<IReadOnlyList<ProtectionFlow>> ListFlowsAsync(FlowListFilter filter, CancellationToken cancellationToken);

    /// <summary>The facts a new flow is checked against, in one round trip.</summary>
    public Task<FlowCreationFacts> LookUpForCreateAsync(FlowLookup lookup, CancellationToken cancellationToken);

    /// <summary>Flows holding any of the names, as protection_flows compares names.</summary>
    public Task<IReadOnlyList<FlowKey>> FindFlowsNamedAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);

    /// <summary>Managed VMs whose context id is one of <paramref name="contextIds"/> or whose vm_name is one of <paramref name="names"/>.</summary>
    public Task<IReadOnlyList<ManagedVMKey>> FindVMsAsync(IReadOnlyList<string> contextIds, IReadOnlyList<string> names, CancellationToken cancellationToken);

    /// <summary>Groups whose id or name is one of the values.</summary>
    public Task<IReadOnlyList<FlowGroupKey>> FindGroupsAsync(IReadOnlyList<string> idsOrNames, CancellationToken cancellationToken);

    /// <summary>A repository, policy or schedule by id or name, with some names that exist.</summary>
    public Task<ReferenceLookup> FindReferenceAsync(FlowReferenceKind kind, string idOrName, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts every row in one transaction (targets and repository re-checked under a shared lock there, so none can
    /// vanish before the commit); returns the flows as written, in row order.
    /// </summary>
    public Task<IReadOnlyList<ProtectionFlow>> CreateAsync(IReadOnlyList<FlowPlanRow> rows, CancellationToken cancellationToken);

    /// <summary>Writes the update and updated_at; returns the flow as it now is, or null when it is gone.</summary>
    public Task<ProtectionFlow?> UpdateAsync(string flowId, FlowUpdate update, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: locks the flow, counts its executions, and when <paramref name="mayDelete"/> agrees deletes
    /// the executions and then the flow (contract §6.9).
    /// </summary>
    public Task<FlowDeleteFacts> DeleteAsync(string flowId, Func<FlowDeleteFacts, bool> mayDelete, CancellationToken cancellationToken);

    /// <summary>The machines of the flows as the engine resolves them, with disks and backups in the flow's repository: one query.</summary>
    public Task<IReadOnlyList<ProtectionFlowMember>> ListMembersAsync(IReadOnlyList<string> flowIds, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> executions of each flow, newest first.</summary>
    public Task<IReadOnlyList<ProtectionFlowExecution>> ListExecutionsAsync(IReadOnlyList<string> flowIds, int limit, CancellationToken cancellationToken);

    /// <summary>Backup repositories whose name matches any pattern (all when none), by name.</summary>
    public Task<IReadOnlyList<BackupRepository>> ListRepositoriesAsync(IReadOnlyList<SqlPattern> names, CancellationToken cancellationToken);

    /// <summary>Backup policies whose name matches any pattern (all when none), by name.</summary>
    public Task<IReadOnlyList<BackupPolicy>> ListPoliciesAsync(IReadOnlyList<SqlPattern> names, CancellationToken cancellationToken);

    /// <summary>Every managed VM's protection facts: one query.</summary>
    public Task<IReadOnlyList<VMProtectionFacts>> ReadProtectionAsync(CancellationToken cancellationToken);

    /// <summary>Names of one kind matching the pattern, in name order, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<string>> CompleteNamesAsync(FlowReferenceKind kind, SqlPattern pattern, int limit, CancellationToken cancellationToken);
}
