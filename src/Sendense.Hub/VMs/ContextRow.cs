using Sendense.Core.VMs;
using static Sendense.Hub.VMs.RowColumns;

namespace Sendense.Hub.VMs;

/// <summary>
/// A new context to insert: its decision and the OSSEA config the run records. The row records here and in DiskRow are
/// classes, not structs, so that the generic code over them (RowColumn, LINQ) is the runtime's shared, precompiled
/// code rather than code a process's first add JIT-compiles for each struct.
/// </summary>
internal sealed record NewContext(VMAddDecision Decision, long OsseaConfigId);

/// <summary>A refreshed context: its decision.</summary>
internal sealed record RefreshedContext(VMAddDecision Decision);

/// <summary>
/// The vm_replication_contexts columns Add-SendenseVM writes, each with its value, in one place. New rows are exactly
/// what upstream's createVMContext writes (contract §3.3): status discovered, counters 0, auto_added 1,
/// scheduler_enabled 1, created_at = updated_at = last_status_change = the second the context id carries;
/// last_operation_summary keeps its NULL default. A refresh changes only the descriptive columns: status, counters,
/// job links and the schedule belong to the hub.
/// </summary>
internal static class ContextRow
{
    /// <summary>Every column of a new context.</summary>
    internal static readonly RowColumn<NewContext>[] Insert =
    {
        Of<NewContext>("context_id", (s, r) => s.Value(r.Decision.ContextId)),
        Of<NewContext>("vm_name", (s, r) => s.Value(r.Decision.Candidate.Values.VMName)),
        Of<NewContext>("vmware_vm_id", (s, r) => s.Value(r.Decision.Candidate.Values.VMwareVMId)),
        Of<NewContext>("vm_path", (s, r) => s.Value(r.Decision.Candidate.Values.VMPath)),
        Of<NewContext>("vcenter_host", (s, r) => s.Value(r.Decision.Candidate.Values.VCenterHost)),
        Of<NewContext>("datacenter", (s, r) => s.Value(r.Decision.Candidate.Values.Datacenter)),
        Fixed<NewContext>("current_status", "'discovered'"),
        Fixed<NewContext>("current_job_id", "NULL"),
        Fixed<NewContext>("total_jobs_run", "0"),
        Fixed<NewContext>("successful_jobs", "0"),
        Fixed<NewContext>("failed_jobs", "0"),
        Fixed<NewContext>("last_successful_job_id", "NULL"),
        Of<NewContext>("cpu_count", (s, r) => s.Value(r.Decision.Candidate.Values.CpuCount)),
        Of<NewContext>("memory_mb", (s, r) => s.Value(r.Decision.Candidate.Values.MemoryMB)),
        Of<NewContext>("os_type", (s, r) => s.Value(r.Decision.Candidate.Values.OsType)),
        Of<NewContext>("power_state", (s, r) => s.Value(r.Decision.Candidate.Values.PowerState)),
        Of<NewContext>("vm_tools_version", (s, r) => s.Value(r.Decision.Candidate.Values.VMToolsVersion)),
        Of<NewContext>("created_at", (s, r) => s.Seconds(r.Decision.PlannedAt)),
        Of<NewContext>("updated_at", (s, r) => s.Seconds(r.Decision.PlannedAt)),
        Fixed<NewContext>("first_job_at", "NULL"),
        Fixed<NewContext>("last_job_at", "NULL"),
        Of<NewContext>("last_status_change", (s, r) => s.Seconds(r.Decision.PlannedAt)),
        Fixed<NewContext>("auto_added", "1"),
        Fixed<NewContext>("last_scheduled_job_id", "NULL"),
        Fixed<NewContext>("next_scheduled_at", "NULL"),
        Fixed<NewContext>("scheduler_enabled", "1"),
        Of<NewContext>("ossea_config_id", (s, r) => s.Value(r.OsseaConfigId)),
        Of<NewContext>("credential_id", (s, r) => s.Value(r.Decision.CredentialId)),
    };

    /// <summary>The descriptive columns a refresh sets, staged in a temporary table and applied with one UPDATE ... JOIN.</summary>
    internal static readonly RowColumn<RefreshedContext>[] Refresh =
    {
        Of<RefreshedContext>("context_id", (s, r) => s.Value(r.Decision.ContextId)),
        Of<RefreshedContext>("vm_name", (s, r) => s.Value(r.Decision.Candidate.Values.VMName)),
        Of<RefreshedContext>("vm_path", (s, r) => s.Value(r.Decision.Candidate.Values.VMPath)),
        Of<RefreshedContext>("datacenter", (s, r) => s.Value(r.Decision.Candidate.Values.Datacenter)),
        Of<RefreshedContext>("cpu_count", (s, r) => s.Value(r.Decision.Candidate.Values.CpuCount)),
        Of<RefreshedContext>("memory_mb", (s, r) => s.Value(r.Decision.Candidate.Values.MemoryMB)),
        Of<RefreshedContext>("os_type", (s, r) => s.Value(r.Decision.Candidate.Values.OsType)),
        Of<RefreshedContext>("power_state", (s, r) => s.Value(r.Decision.Candidate.Values.PowerState)),
        Of<RefreshedContext>("vm_tools_version", (s, r) => s.Value(r.Decision.Candidate.Values.VMToolsVersion)),
        Of<RefreshedContext>("credential_id", (s, r) => s.Value(r.Decision.CredentialId)),
    };
}
