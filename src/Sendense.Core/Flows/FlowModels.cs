using Sendense.Core.Groups;

namespace Sendense.Core.Flows;

/// <summary>What a flow's target is.</summary>
public enum FlowTargetKind
{
    /// <summary>One managed VM (target_type 'vm').</summary>
    VM,

    /// <summary>A protection group (target_type 'group').</summary>
    Group,
}

/// <summary>A target given to a flow cmdlet, before it is looked up: a VM reference, or a group id or name.</summary>
/// <param name="Kind">VM or group.</param>
/// <param name="VM">The VM reference, for a VM target.</param>
/// <param name="Group">The group id or name, for a group target; null for an input that names nothing.</param>
/// <param name="Source">The input as given (the TargetObject of an error about it).</param>
public sealed record FlowTargetReference(FlowTargetKind Kind, VMReference? VM, string? Group, object? Source)
{
    /// <summary>A VM target.</summary>
    public static FlowTargetReference ForVM(VMReference vm) => new FlowTargetReference(FlowTargetKind.VM, vm, null, vm?.Source);

    /// <summary>A group target by id or name.</summary>
    public static FlowTargetReference ForGroup(string idOrName, object? source) =>
        new FlowTargetReference(FlowTargetKind.Group, null, idOrName?.Trim(), source ?? idOrName);
}

/// <summary>What New-SendenseProtectionFlow was asked for.</summary>
public sealed class FlowDefinition
{
    /// <summary>-Name: a name, or a template with {Name}, {VCenter}, {Repository}; null for the default template.</summary>
    public string? Name { get; set; }

    /// <summary>-Description.</summary>
    public string? Description { get; set; }

    /// <summary>The targets, in input order.</summary>
    public IReadOnlyList<FlowTargetReference> Targets { get; set; } = Array.Empty<FlowTargetReference>();

    /// <summary>True when targets were given (parameter bound or input piped), even if none arrived.</summary>
    public bool TargetsGiven { get; set; }

    /// <summary>-Repository: name or id (required).</summary>
    public string Repository { get; set; } = string.Empty;

    /// <summary>-Policy: name or id.</summary>
    public string? Policy { get; set; }

    /// <summary>-Schedule: name or id.</summary>
    public string? Schedule { get; set; }

    /// <summary>False with -Disabled.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>created_by (<see cref="FlowRules.CreatedBy"/>).</summary>
    public string CreatedBy { get; set; } = FlowRules.CreatedBy(Environment.UserName);
}

/// <summary>One protection_flows row to insert, with the names its messages show.</summary>
/// <param name="Name">name.</param>
/// <param name="Description">description (NULL when null).</param>
/// <param name="TargetType">'vm' or 'group'.</param>
/// <param name="TargetId">The context id or group id, verbatim.</param>
/// <param name="TargetName">The VM's or group's name.</param>
/// <param name="RepositoryId">repository_id.</param>
/// <param name="RepositoryName">The repository's name.</param>
/// <param name="PolicyId">policy_id or null.</param>
/// <param name="ScheduleId">schedule_id or null.</param>
/// <param name="Enabled">enabled.</param>
/// <param name="CreatedBy">created_by.</param>
/// <param name="Source">The input the row came from.</param>
public sealed record FlowPlanRow(string Name, string? Description, string TargetType, string TargetId, string TargetName, string RepositoryId,
    string RepositoryName, string? PolicyId, string? ScheduleId, bool Enabled, string CreatedBy, object? Source);

/// <summary>A repository, policy or schedule as a flow names it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="Enabled">enabled (NULL reads as false).</param>
public sealed record HubReference(string Id, string Name, bool Enabled);

/// <summary>The rows that match a name or id, and (for the not-found message) some names that exist.</summary>
/// <param name="Matches">Rows whose id or name equals the value.</param>
/// <param name="Known">Up to 11 names, in name order.</param>
public sealed record ReferenceLookup(IReadOnlyList<HubReference> Matches, IReadOnlyList<string> Known)
{
    /// <summary>Nothing was looked up.</summary>
    public static ReferenceLookup None { get; } = new ReferenceLookup(Array.Empty<HubReference>(), Array.Empty<string>());

    /// <summary>The row with that id, else the one with that name; null when none.</summary>
    public HubReference? Find(string given) =>
        Matches.FirstOrDefault(m => string.Equals(m.Id, given, StringComparison.Ordinal))
        ?? Matches.FirstOrDefault(m => HubCollation.Equal(m.Id, given))
        ?? Matches.FirstOrDefault(m => HubCollation.Equal(m.Name, given));
}

/// <summary>The kinds of thing a flow refers to besides its target.</summary>
public enum FlowReferenceKind
{
    /// <summary>backup_repositories.</summary>
    Repository,

    /// <summary>backup_policies.</summary>
    Policy,

    /// <summary>replication_schedules.</summary>
    Schedule,

    /// <summary>protection_flows (completion only).</summary>
    Flow,
}

/// <summary>A group as a flow target: id, name, and its membership counts.</summary>
/// <param name="Id">vm_machine_groups.id.</param>
/// <param name="Name">name.</param>
/// <param name="Members">All memberships.</param>
/// <param name="EnabledMembers">Memberships with enabled = 1: the machines the hub backs up.</param>
public sealed record FlowGroupKey(string Id, string Name, int Members, int EnabledMembers);

/// <summary>A flow's id and name.</summary>
/// <param name="Id">protection_flows.id.</param>
/// <param name="Name">name.</param>
public sealed record FlowKey(string Id, string Name);

/// <summary>What the store reads, in one round trip, to check a new flow.</summary>
/// <param name="VMs">Candidate VM contexts for the VM references.</param>
/// <param name="Groups">Candidate groups for the group references.</param>
/// <param name="Repository">The repository lookup.</param>
/// <param name="Policy">The policy lookup (None when not asked).</param>
/// <param name="Schedule">The schedule lookup (None when not asked).</param>
public sealed record FlowCreationFacts(IReadOnlyList<ManagedVMKey> VMs, IReadOnlyList<FlowGroupKey> Groups, ReferenceLookup Repository,
    ReferenceLookup Policy, ReferenceLookup Schedule);

/// <summary>What <see cref="IFlowStore.LookUpForCreateAsync"/> looks up.</summary>
/// <param name="ContextIds">VM context ids (or texts that may be).</param>
/// <param name="VMNames">VM names (or texts that may be).</param>
/// <param name="Groups">Group ids or names.</param>
/// <param name="Repository">Repository id or name.</param>
/// <param name="Policy">Policy id or name, or null.</param>
/// <param name="Schedule">Schedule id or name, or null.</param>
public sealed record FlowLookup(IReadOnlyList<string> ContextIds, IReadOnlyList<string> VMNames, IReadOnlyList<string> Groups, string Repository,
    string? Policy, string? Schedule);

/// <summary>What a flow listing narrows to; empty lists mean no filter.</summary>
public sealed class FlowListFilter
{
    /// <summary>Name patterns (OR).</summary>
    public IReadOnlyList<SqlPattern> Names { get; set; } = Array.Empty<SqlPattern>();

    /// <summary>Exact ids or names, as protection_flows compares names.</summary>
    public IReadOnlyList<string> IdsOrNames { get; set; } = Array.Empty<string>();

    /// <summary>Exact ids only (the flows a write just made).</summary>
    public IReadOnlyList<string> Ids { get; set; } = Array.Empty<string>();

    /// <summary>Flows that reach one of these VMs (directly, or through any membership of their target group).</summary>
    public IReadOnlyList<string> ContextIds { get; set; } = Array.Empty<string>();

    /// <summary>Flows whose target is one of these groups.</summary>
    public IReadOnlyList<string> GroupIds { get; set; } = Array.Empty<string>();

    /// <summary>Flows to one of these repositories (id or name).</summary>
    public IReadOnlyList<string> Repositories { get; set; } = Array.Empty<string>();

    /// <summary>Only enabled (true) or disabled (false) flows.</summary>
    public bool? Enabled { get; set; }

    /// <summary>True when any VM or group filter was asked for but resolved to nothing: the answer is empty.</summary>
    public bool MatchesNothing { get; set; }
}

/// <summary>What Set-SendenseProtectionFlow changes; null leaves a value as it is.</summary>
public sealed class FlowChange
{
    /// <summary>-NewName.</summary>
    public string? NewName { get; set; }

    /// <summary>-Description ('' clears it to NULL).</summary>
    public string? Description { get; set; }

    /// <summary>-Repository (id or name).</summary>
    public string? Repository { get; set; }

    /// <summary>-Policy (id or name).</summary>
    public string? Policy { get; set; }

    /// <summary>-ClearPolicy.</summary>
    public bool ClearPolicy { get; set; }

    /// <summary>-Schedule (id or name).</summary>
    public string? Schedule { get; set; }

    /// <summary>-ClearSchedule.</summary>
    public bool ClearSchedule { get; set; }

    /// <summary>-Enabled.</summary>
    public bool? Enabled { get; set; }

    /// <summary>True when nothing is asked.</summary>
    public bool IsEmpty => NewName is null && Description is null && Repository is null && Policy is null && !ClearPolicy
        && Schedule is null && !ClearSchedule && Enabled is null;
}

/// <summary>The columns an update writes (a null field is left alone); contract §6.8: never the engine's columns.</summary>
public sealed class FlowUpdate
{
    /// <summary>name.</summary>
    public string? Name { get; set; }

    /// <summary>description; <see cref="SetDescription"/> says whether it is written (null writes NULL).</summary>
    public string? Description { get; set; }

    /// <summary>Whether description is written.</summary>
    public bool SetDescription { get; set; }

    /// <summary>repository_id.</summary>
    public string? RepositoryId { get; set; }

    /// <summary>policy_id; <see cref="SetPolicy"/> says whether it is written.</summary>
    public string? PolicyId { get; set; }

    /// <summary>Whether policy_id is written.</summary>
    public bool SetPolicy { get; set; }

    /// <summary>schedule_id; <see cref="SetSchedule"/> says whether it is written.</summary>
    public string? ScheduleId { get; set; }

    /// <summary>Whether schedule_id is written.</summary>
    public bool SetSchedule { get; set; }

    /// <summary>enabled.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The readable list of changes, for ShouldProcess and -Verbose.</summary>
    public List<string> Changes { get; } = new List<string>();
}

/// <summary>What a delete found on the locked flow.</summary>
/// <param name="Exists">The flow still exists.</param>
/// <param name="Executions">Its execution rows.</param>
/// <param name="Running">Those with status 'running'.</param>
/// <param name="Deleted">True when it was deleted.</param>
public sealed record FlowDeleteFacts(bool Exists, int Executions, int Running, bool Deleted);

/// <summary>The managed VMs of one vCenter and datacenter that share one set of protection paths, for the summary.</summary>
/// <param name="VCenter">vcenter_host.</param>
/// <param name="Datacenter">datacenter.</param>
/// <param name="Paths">The paths that reach each of them.</param>
/// <param name="Count">How many VMs.</param>
/// <param name="WithoutBackup">How many of them have no completed backup.</param>
/// <param name="OldestLastBackup">The oldest of their last completed backups.</param>
public sealed record VMProtectionFacts(string VCenter, string Datacenter, IReadOnlyList<ProtectionPath> Paths, int Count = 1, int WithoutBackup = 0,
    DateTime? OldestLastBackup = null)
{
    /// <summary>In at least one protection group (every membership is a path).</summary>
    public bool Grouped => Paths.Any(path => path.Kind == ProtectionPathKind.GroupSchedule);
}
