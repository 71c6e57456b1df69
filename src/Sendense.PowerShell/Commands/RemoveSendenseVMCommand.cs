using System.Management.Automation;
using Sendense.Core.VMs;
using Sendense.Hub.VMs;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Removes VMs from hub management.</para>
/// <para type="description">Deletes the VMs' contexts; the hub schema's cascades remove their disks, group
/// memberships and job rows with them. A VM with a running replication or backup job, or one that is failed over,
/// is left alone unless -Force is given.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SendenseVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveSendenseVMCommand : HubCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string ContextIdSet = "ContextId";
    private const string NameSet = "Name";

    private readonly List<Request> _requests = new List<Request>();

    /// <summary>VMs from Get-SendenseVM, Get-SendenseUngroupedVM or Add-SendenseVM.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    public VM[] InputObject { get; set; } = Array.Empty<VM>();

    /// <summary>Context ids (exact).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ContextIdSet)]
    [ValidateNotNullOrEmpty]
    public string[] ContextId { get; set; } = Array.Empty<string>();

    /// <summary>VM names (vm_name); wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VMNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Only VMs of this vCenter (vcenter_host); wildcards allowed.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(VCenterCompleter))]
    public string? VCenter { get; set; }

    /// <summary>Also removes VMs with a running job or in a failover state (their job rows are deleted with them).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case InputObjectSet:
                _requests.AddRange(InputObject.Where(vm => vm is not null).Select(vm => new Request(vm, vm.ContextId, null, null)));
                break;
            case ContextIdSet:
                _requests.AddRange(ContextId.Select(id => new Request(id, id, null, null)));
                break;
            default:
                _requests.AddRange(Name.Select(name => new Request(name, null, name, string.IsNullOrEmpty(VCenter) ? null : VCenter)));
                break;
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_requests.Count == 0)
        {
            return;
        }

        HubConnection hub = ResolveHub();
        List<VMRemovalTarget> targets = Resolve(hub);
        var approved = new List<VMRemovalTarget>();
        var targetOf = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (Request request in _requests)
        {
            List<VMRemovalTarget> matches = targets.Where(request.Matches).ToList();
            if (matches.Count == 0 && !request.IsPattern)
            {
                WriteSendenseError(new SendenseException(SendenseErrorCode.VMNotFound,
                    $"The hub {hub} manages no VM {request.Describe()}. Get-SendenseVM lists what it manages."), request.Target);
                continue;
            }

            foreach (VMRemovalTarget match in matches.Where(m => !targetOf.ContainsKey(m.VM.ContextId)))
            {
                targetOf[match.VM.ContextId] = request.Target;
                if (match.BusyReason is not null && !Force.IsPresent)
                {
                    WriteSendenseError(Busy(match.VM, match.BusyReason), request.Target);
                    continue;
                }

                if (ShouldProcess(Describe(match.VM), RemovalAction(match)))
                {
                    approved.Add(match);
                }
            }
        }

        if (approved.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, VMRemovalResult> results;
        try
        {
            results = Await(token => VMRemoveEngine.RemoveAsync(hub, approved.Select(t => t.VM.ContextId).ToList(), Force.IsPresent, token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, hub);
            return;
        }

        foreach (VMRemovalTarget target in approved)
        {
            switch (results[target.VM.ContextId])
            {
                case VMRemovalResult.Removed:
                    WriteVerbose($"Removed {Describe(target.VM)} from hub management.");
                    break;
                case VMRemovalResult.AlreadyGone:
                    WriteVerbose($"{Describe(target.VM)} was already removed by someone else.");
                    break;
                default:
                    WriteSendenseError(Busy(target.VM, "a job started on it while it was being removed"), targetOf[target.VM.ContextId]);
                    break;
            }
        }

        base.EndProcessing();
    }

    private List<VMRemovalTarget> Resolve(HubConnection hub)
    {
        var targets = new List<VMRemovalTarget>();
        try
        {
            string[] ids = _requests.Where(r => r.ContextId is not null).Select(r => r.ContextId!).Distinct(StringComparer.Ordinal).ToArray();
            if (ids.Length > 0)
            {
                targets.AddRange(Await(token => VMRemoveEngine.ResolveAsync(hub, new VMFilter { ContextIds = ids }, token)));
            }

            string[] names = _requests.Where(r => r.Name is not null).Select(r => r.Name!).Distinct(StringComparer.Ordinal).ToArray();
            if (names.Length > 0)
            {
                targets.AddRange(Await(token => VMRemoveEngine.ResolveAsync(hub, new VMFilter { Names = names }, token)));
            }
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, hub);
        }

        return targets;
    }

    private static SendenseException Busy(VM vm, string reason) => new SendenseException(SendenseErrorCode.VMBusy,
        $"{Describe(vm)} was not removed: {reason}. Wait for the job to finish (or fail back), or use -Force to remove it anyway, " +
        "which deletes its job rows with it.");

    private static string Describe(VM vm) => $"VM '{HubText.ForMessage(vm.Name)}' ({vm.VCenter}, {vm.ContextId})";

    private static string RemovalAction(VMRemovalTarget target)
    {
        string groups = target.VM.Groups.Length == 0 ? string.Empty : $", leaving protection group(s) {string.Join(", ", target.VM.Groups)}";
        string busy = target.BusyReason is null ? string.Empty : $" although {target.BusyReason}";
        return $"Remove from hub management with its disks and job rows{groups}{busy}";
    }

    // One thing the user asked to remove, and the input object errors about it point at.
    private sealed class Request
    {
        private readonly WildcardPattern? _name;
        private readonly WildcardPattern? _vcenter;

        internal Request(object target, string? contextId, string? name, string? vcenter)
        {
            Target = target;
            ContextId = contextId;
            Name = name;
            VCenter = vcenter;
            _name = name is null ? null : WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
            _vcenter = vcenter is null ? null : WildcardPattern.Get(vcenter, WildcardOptions.IgnoreCase);
        }

        internal object Target { get; }

        internal string? ContextId { get; }

        internal string? Name { get; }

        internal string? VCenter { get; }

        internal bool IsPattern => (Name is not null && WildcardPattern.ContainsWildcardCharacters(Name))
            || (VCenter is not null && WildcardPattern.ContainsWildcardCharacters(VCenter));

        internal bool Matches(VMRemovalTarget target)
        {
            if (ContextId is not null)
            {
                return HubCollation.Equal(target.VM.ContextId, ContextId);
            }

            // The hub compares names case-insensitively and ignores trailing spaces; so does this.
            bool nameMatches = _name!.IsMatch(target.VM.Name) || _name.IsMatch(target.VM.Name.TrimEnd(' '));
            return nameMatches && (_vcenter is null || _vcenter.IsMatch(target.VM.VCenter));
        }

        internal string Describe() => ContextId is not null
            ? $"with context id '{ContextId}'"
            : $"named '{Name}'" + (VCenter is null ? string.Empty : $" on {VCenter}");
    }
}
