namespace Sendense.Core.VMs;

/// <summary>Builds the public VM objects for written decisions without reading the rows back.</summary>
public static class VMOutcomeBuilder
{
    /// <summary>
    /// The VM after the decision was applied at <paramref name="writtenAt"/> (database clock, whole seconds: the
    /// context timestamps are TIMESTAMP(0) columns). A new context's timestamps are its planning time, which its id carries.
    /// </summary>
    public static VM Build(VMAddDecision decision, DateTime writtenAt)
    {
        if (decision is null)
        {
            throw new ArgumentNullException(nameof(decision));
        }

        HubVMValues values = decision.Candidate.Values;
        switch (decision.Action)
        {
            case VMAddAction.Add:
                return new VM
                {
                    ContextId = decision.ContextId,
                    Name = values.VMName,
                    VCenter = values.VCenterHost,
                    Datacenter = values.Datacenter,
                    Path = values.VMPath,
                    BiosUuid = values.VMwareVMId,
                    Status = "discovered",
                    PowerState = values.PowerState,
                    NumCpu = values.CpuCount,
                    MemoryMB = values.MemoryMB,
                    OsType = values.OsType,
                    CredentialId = decision.CredentialId,
                    CreatedAt = WholeSeconds(decision.PlannedAt),
                    UpdatedAt = WholeSeconds(decision.PlannedAt),
                    Result = VMAddResult.Added,
                };
            case VMAddAction.Refresh:
                VM refreshed = decision.Existing!.ToVM(VMAddResult.Refreshed);
                refreshed.Name = values.VMName;
                refreshed.Path = values.VMPath;
                refreshed.Datacenter = values.Datacenter;
                refreshed.PowerState = values.PowerState;
                refreshed.NumCpu = values.CpuCount;
                refreshed.MemoryMB = values.MemoryMB;
                refreshed.OsType = values.OsType;
                if (decision.CredentialId.HasValue)
                {
                    refreshed.CredentialId = decision.CredentialId;
                }

                if (decision.ChangedColumns.Count > 0)
                {
                    refreshed.UpdatedAt = writtenAt;
                }

                return refreshed;
            case VMAddAction.Unchanged:
                return decision.Existing!.ToVM(VMAddResult.Unchanged);
            default:
                throw new InvalidOperationException($"A {decision.Action} decision has no VM of its own.");
        }
    }

    /// <summary>The time as a TIMESTAMP(0) column stores it.</summary>
    public static DateTime WholeSeconds(DateTime time) => new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Kind);
}
