using Sendense.Core.Flows;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Changes protection flows: name, description, repository, policy, schedule, enabled.</para>
/// <para type="description">Each flow is changed on its own (a failure is that flow's error record); only values
/// that differ are written, with updated_at, never the engine's execution columns or counters. The policy and the
/// schedule can be cleared to NULL. Type and target cannot change: create a new flow instead. Outputs each flow as
/// it now is. The hub neither schedules flows nor blocks manual runs of disabled ones yet.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "SendenseProtectionFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ProtectionFlow))]
public sealed class SetSendenseProtectionFlowCommand : OneFlowCmdlet
{
    /// <summary>A new name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    /// <summary>A new description ('' removes it).</summary>
    [Parameter]
    [AllowEmptyString]
    public string? Description { get; set; }

    /// <summary>Another backup repository (name or id; must be enabled).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BackupRepositoryNameCompleter))]
    public string? Repository { get; set; }

    /// <summary>Another backup policy (name or id).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BackupPolicyNameCompleter))]
    public string? Policy { get; set; }

    /// <summary>Removes the policy (NULL).</summary>
    [Parameter]
    public SwitchParameter ClearPolicy { get; set; }

    /// <summary>Another replication schedule (name or id).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ScheduleNameCompleter))]
    public string? Schedule { get; set; }

    /// <summary>Removes the schedule (NULL).</summary>
    [Parameter]
    public SwitchParameter ClearSchedule { get; set; }

    /// <summary>Enables ($true) or disables ($false) the flow.</summary>
    [Parameter]
    public bool Enabled { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var change = new FlowChange
        {
            NewName = NewName,
            Description = Description,
            Repository = Repository,
            Policy = Policy,
            ClearPolicy = ClearPolicy.IsPresent,
            Schedule = Schedule,
            ClearSchedule = ClearSchedule.IsPresent,
            Enabled = GivenParameters.Value(this, nameof(Enabled), Enabled),
        };
        List<FlowIdentity> identities = InputFlows();
        RunFlows<ProtectionFlow>((flows, observer, token) => flows.UpdateAsync(identities, change, observer, token), Flow);
    }
}
