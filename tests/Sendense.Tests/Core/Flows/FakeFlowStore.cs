using Sendense.Core.Flows;
using Sendense.Core.Groups;

namespace Sendense.Tests.Core.Flows;

/// <summary>
/// An in-memory hub for the flow use cases: names compare as the hub does (case and trailing spaces ignored), every
/// write is recorded in <see cref="Writes"/> so a test can prove that a refusal or -WhatIf wrote nothing.
/// </summary>
internal sealed class FakeFlowStore : IFlowStore
{
    private int _next;

    public string Hub => "fake@hub";

    public List<ManagedVMKey> VMs { get; } = new List<ManagedVMKey>();

    public List<FlowGroupKey> Groups { get; } = new List<FlowGroupKey>();

    public List<HubReference> Repositories { get; } = new List<HubReference> { new HubReference("repo-1", "Local", true), new HubReference("repo-2", "Off", false) };

    public List<HubReference> Policies { get; } = new List<HubReference>();

    public List<HubReference> Schedules { get; } = new List<HubReference>();

    public List<ProtectionFlow> Flows { get; } = new List<ProtectionFlow>();

    public Dictionary<string, int> Running { get; } = new Dictionary<string, int>();

    public List<string> Writes { get; } = new List<string>();

    public ManagedVMKey AddVM(string name, string vCenter = "vc01")
    {
        var vm = new ManagedVMKey($"ctx-{name}-{vCenter}-20261201-100000", name, vCenter);
        VMs.Add(vm);
        return vm;
    }

    public Task<IReadOnlyList<ProtectionFlow>> ListFlowsAsync(FlowListFilter filter, CancellationToken cancellationToken) =>
        Done(Flows.Where(f => filter.IdsOrNames.Count == 0 || filter.IdsOrNames.Any(k => k == f.Id || FlowRules.NameKey(k) == FlowRules.NameKey(f.Name)))
            .Where(f => filter.ContextIds.Count == 0 || filter.ContextIds.Contains(f.TargetId))
            .Where(f => filter.Enabled is null || f.Enabled == filter.Enabled).OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase));

    public Task<FlowCreationFacts> LookUpForCreateAsync(FlowLookup lookup, CancellationToken cancellationToken) =>
        Task.FromResult(new FlowCreationFacts(
            VMs.Where(vm => lookup.ContextIds.Any(id => HubCollation.Equal(id, vm.ContextId)) || lookup.VMNames.Any(n => HubCollation.Equal(n, vm.Name))).ToList(),
            Groups.Where(g => lookup.Groups.Any(k => HubCollation.Equal(k, g.Id) || HubCollation.Equal(k, g.Name))).ToList(),
            Lookup(Repositories, lookup.Repository), lookup.Policy is null ? ReferenceLookup.None : Lookup(Policies, lookup.Policy),
            lookup.Schedule is null ? ReferenceLookup.None : Lookup(Schedules, lookup.Schedule)));

    public Task<IReadOnlyList<FlowKey>> FindFlowsNamedAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Done(Flows.Where(f => names.Any(n => FlowRules.NameKey(n) == FlowRules.NameKey(f.Name))).Select(f => new FlowKey(f.Id, f.Name)));

    public Task<IReadOnlyList<ManagedVMKey>> FindVMsAsync(IReadOnlyList<string> contextIds, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Done(VMs.Where(vm => contextIds.Contains(vm.ContextId) || names.Any(n => HubCollation.Equal(n, vm.Name))));

    public Task<IReadOnlyList<FlowGroupKey>> FindGroupsAsync(IReadOnlyList<string> idsOrNames, CancellationToken cancellationToken) =>
        Done(Groups.Where(g => idsOrNames.Any(k => HubCollation.Equal(k, g.Id) || HubCollation.Equal(k, g.Name))));

    public Task<ReferenceLookup> FindReferenceAsync(FlowReferenceKind kind, string idOrName, CancellationToken cancellationToken) =>
        Task.FromResult(Lookup(kind switch { FlowReferenceKind.Repository => Repositories, FlowReferenceKind.Policy => Policies, _ => Schedules }, idOrName));

    public Task<IReadOnlyList<ProtectionFlow>> CreateAsync(IReadOnlyList<FlowPlanRow> rows, CancellationToken cancellationToken)
    {
        Writes.Add($"create {rows.Count}");
        List<ProtectionFlow> flows = rows.Select(row => new ProtectionFlow
        {
            Id = "flow-" + (++_next).ToString(CultureInfo.InvariantCulture), Name = row.Name, Description = row.Description, TargetType = row.TargetType,
            TargetId = row.TargetId, TargetName = row.TargetName, RepositoryId = row.RepositoryId, RepositoryName = row.RepositoryName, PolicyId = row.PolicyId,
            ScheduleId = row.ScheduleId, Enabled = row.Enabled, CreatedBy = row.CreatedBy, LastExecutionStatus = "pending",
        }).ToList();
        Flows.AddRange(flows);
        return Task.FromResult<IReadOnlyList<ProtectionFlow>>(flows);
    }

    public Task<ProtectionFlow?> UpdateAsync(string flowId, FlowUpdate update, CancellationToken cancellationToken)
    {
        Writes.Add("update " + flowId);
        ProtectionFlow? flow = Flows.FirstOrDefault(f => f.Id == flowId);
        if (flow is not null)
        {
            flow.Name = update.Name ?? flow.Name;
            flow.Description = update.SetDescription ? update.Description : flow.Description;
            flow.PolicyId = update.SetPolicy ? update.PolicyId : flow.PolicyId;
            flow.ScheduleId = update.SetSchedule ? update.ScheduleId : flow.ScheduleId;
            flow.RepositoryId = update.RepositoryId ?? flow.RepositoryId;
            flow.Enabled = update.Enabled ?? flow.Enabled;
        }

        return Task.FromResult(flow);
    }

    public Task<FlowDeleteFacts> DeleteAsync(string flowId, Func<FlowDeleteFacts, bool> mayDelete, CancellationToken cancellationToken)
    {
        ProtectionFlow? flow = Flows.FirstOrDefault(f => f.Id == flowId);
        int running = Running.TryGetValue(flowId, out int n) ? n : 0;
        var facts = new FlowDeleteFacts(flow is not null, running, running, false);
        if (flow is null || !mayDelete(facts))
        {
            return Task.FromResult(facts);
        }

        Writes.Add("delete " + flowId);
        Flows.Remove(flow);
        return Task.FromResult(facts with { Deleted = true });
    }

    public Task<IReadOnlyList<ProtectionFlowMember>> ListMembersAsync(IReadOnlyList<string> flowIds, CancellationToken cancellationToken) =>
        Done(Array.Empty<ProtectionFlowMember>());

    public Task<IReadOnlyList<ProtectionFlowExecution>> ListExecutionsAsync(IReadOnlyList<string> flowIds, int limit, CancellationToken cancellationToken) =>
        Done(Array.Empty<ProtectionFlowExecution>());

    public Task<IReadOnlyList<BackupRepository>> ListRepositoriesAsync(IReadOnlyList<SqlPattern> names, CancellationToken cancellationToken) =>
        Done(Repositories.Select(r => new BackupRepository { Id = r.Id, Name = r.Name, Enabled = r.Enabled }));

    public Task<IReadOnlyList<BackupPolicy>> ListPoliciesAsync(IReadOnlyList<SqlPattern> names, CancellationToken cancellationToken) =>
        Done(Policies.Select(p => new BackupPolicy { Id = p.Id, Name = p.Name, Enabled = p.Enabled }));

    public List<VMProtectionFacts> Protection { get; } = new List<VMProtectionFacts>();

    public Task<IReadOnlyList<VMProtectionFacts>> ReadProtectionAsync(CancellationToken cancellationToken) => Done(Protection);

    public Task<IReadOnlyList<string>> CompleteNamesAsync(FlowReferenceKind kind, SqlPattern pattern, int limit, CancellationToken cancellationToken) =>
        Done(Array.Empty<string>());

    private static ReferenceLookup Lookup(List<HubReference> rows, string given) => new ReferenceLookup(
        rows.Where(r => HubCollation.Equal(r.Id, given) || HubCollation.Equal(r.Name, given)).ToList(), rows.Select(r => r.Name).ToList());

    private static Task<IReadOnlyList<T>> Done<T>(IEnumerable<T> rows) => Task.FromResult<IReadOnlyList<T>>(rows.ToList());
}
