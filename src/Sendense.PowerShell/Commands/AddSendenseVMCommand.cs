using System.Management.Automation;
using Sendense.Core.Credentials;
using Sendense.Core.Discovery;
using Sendense.Hub.VMs;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;
using Sendense.PowerShell.Parameters;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Adds discovered VMs to hub management, or refreshes the ones already managed.</para>
/// <para type="description">Collects every VM from the pipeline and writes them to the hub's
/// vm_replication_contexts and vm_disks tables in batches, one transaction per batch, exactly as the hub's own
/// discovery writes them. A VM the hub already manages (same vCenter and BIOS uuid) is refreshed, never duplicated.
/// PowerCLI VirtualMachine objects (or names) are first discovered from their vCenter to get the full metadata.
/// Outputs one Sendense.VM per input with Result Added, Refreshed or Unchanged.</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "SendenseVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(VM))]
public sealed partial class AddSendenseVMCommand : StoredCredentialCmdlet
{
    /// <summary>Type name the Add view (with its Result column) is selected by.</summary>
    internal const string AddResultView = "Sendense.VM#AddResult";

    private const string InputObjectSet = "InputObject";
    private const string IdentitySet = "Identity";

    private readonly List<DiscoveredVM> _inputs = new List<DiscoveredVM>();
    private readonly List<VMIdentityRequest> _identities = new List<VMIdentityRequest>();

    /// <summary>VMs from Invoke-SendenseVMDiscovery.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    public DiscoveredVM[] InputObject { get; set; } = Array.Empty<DiscoveredVM>();

    /// <summary>A VM name (exact), or the Name of a piped PowerCLI VirtualMachine object.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdentitySet)]
    [ValidateNotNullOrEmpty]
    [Alias("VMName")]
    [ArgumentCompleter(typeof(VMNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>PowerCLI's Id (VirtualMachine-vm-123) or a MoRef (vm-123): names the VM precisely.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdentitySet)]
    [Alias("MoRef")]
    public string? Id { get; set; }

    /// <summary>PowerCLI's PersistentId: the VM's instance uuid.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdentitySet)]
    [Alias("InstanceUuid")]
    public string? PersistentId { get; set; }

    /// <summary>PowerCLI's Uid (/VIServer=user@vc01:443/VirtualMachine=VirtualMachine-vm-123/): vCenter and MoRef.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdentitySet)]
    public string? Uid { get; set; }

    /// <summary>The vCenter to discover the named VMs in (with -Credential).</summary>
    [Parameter(ParameterSetName = IdentitySet)]
    [ValidateNotNullOrEmpty]
    public string? VCenter { get; set; }

    /// <summary>vCenter user and password for -VCenter.</summary>
    [Parameter(ParameterSetName = IdentitySet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>A PowerCLI VIServer object whose session is reused (never logged out) to discover the named VMs.</summary>
    [Parameter(ParameterSetName = IdentitySet)]
    [ValidateNotNull]
    public PSObject? VIServer { get; set; }

    /// <summary>The vCenter certificate's SHA-256 (or SHA-1) thumbprint to accept when it is not otherwise trusted.</summary>
    [Parameter(ParameterSetName = IdentitySet)]
    [ValidateThumbprint]
    [Alias("CertificateThumbprint")]
    public string? Thumbprint { get; set; }

    /// <summary>Accept any vCenter certificate for this call (labs only).</summary>
    [Parameter(ParameterSetName = IdentitySet)]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>
    /// A vCenter credential stored in the hub (name, id or object): recorded in credential_id of every VM, and, for
    /// PowerCLI objects and names, used to log in to vCenter. Counts as one use.
    /// </summary>
    [Parameter]
    [VCenterCredentialTransformation]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    [ValidateNotNull]
    public VCenterCredentialIdentity? VCenterCredential { get; set; }

    /// <summary>VMs per transaction (1000 by default).</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int BatchSize { get; set; } = VMAddSession.DefaultBatchSize;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdentitySet)
        {
            CollectIdentities();
            return;
        }

        foreach (DiscoveredVM vm in InputObject)
        {
            if (vm is not null)
            {
                _inputs.Add(vm);
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ParameterSetName == IdentitySet)
        {
            AddIdentities();
        }
        else
        {
            AddDiscoveredInputs();
        }

        base.EndProcessing();
    }

    // Discovered VMs: with -VCenterCredential all rows get that credential; otherwise each VM keeps the credential it
    // was discovered with, and VMs discovered without one get the hub's unambiguous credential for their vCenter.
    private void AddDiscoveredInputs()
    {
        if (_inputs.Count == 0)
        {
            return;
        }

        HubConnection hub = ResolveHub();
        if (VCenterCredential is not null)
        {
            VCenterCredential stored = ReadCredential(hub, VCenterCredential);
            WarnAboutOtherVCenters(stored, _inputs);
            AddAndCount(hub, _inputs, stored.Id);
            return;
        }

        AddKeepingCredentials(hub, _inputs);
    }

    // Each VM keeps the credential it was discovered with; the others get the hub's unambiguous one for their vCenter.
    private void AddKeepingCredentials(HubConnection hub, IReadOnlyList<DiscoveredVM> vms)
    {
        Dictionary<string, VCenterCredential?> matched = MatchCredentials(hub, vms.Where(vm => vm.CredentialId is null));
        foreach (IGrouping<int?, DiscoveredVM> group in vms.GroupBy(vm => vm.CredentialId ?? matched[vm.VCenter]?.Id))
        {
            AddAndCount(hub, group.ToList(), group.Key);
        }
    }

    private void AddAndCount(HubConnection hub, IReadOnlyList<DiscoveredVM> vms, int? credentialId)
    {
        int written = AddDiscovered(vms, credentialId);
        if (credentialId is int id && written > 0)
        {
            RecordCredentialUse(hub, id);
        }
    }

    // A named credential, without decrypting its password (writing its id needs no login).
    private VCenterCredential ReadCredential(HubConnection hub, VCenterCredentialIdentity identity)
    {
        try
        {
            VCenterCredential credential = Await(token => Services.Credentials(hub).ReadAsync(identity, token));
            if (!credential.IsActive)
            {
                throw new SendenseException(SendenseErrorCode.VCenterCredentialInactive,
                    $"vCenter credential '{credential.Name}' is inactive, so the hub could not use it for these VMs. Enable it with: Set-SendenseVCenterCredential -Name '{credential.Name}' -Active $true");
            }

            return credential;
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, identity);
            throw;
        }
    }

    private void WarnAboutOtherVCenters(VCenterCredential credential, IEnumerable<DiscoveredVM> vms)
    {
        foreach (string other in vms.Select(vm => vm.VCenter).Distinct(StringComparer.OrdinalIgnoreCase)
                     .Where(v => !VMIdentityMatcher.SameVCenter(v, credential.VCenter)))
        {
            WriteWarning($"Credential '{credential.Name}' is for vCenter {credential.VCenter}, but VMs of vCenter {other} are being added with it; the hub's backups of those VMs will log in to the wrong vCenter.");
        }
    }

    // One query for the hub's credentials, then the unambiguous match per vCenter (or a warning why there is none).
    private Dictionary<string, VCenterCredential?> MatchCredentials(HubConnection hub, IEnumerable<DiscoveredVM> vms)
    {
        var matched = new Dictionary<string, VCenterCredential?>(StringComparer.OrdinalIgnoreCase);
        List<string> vcenters = vms.Select(vm => vm.VCenter).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (vcenters.Count == 0)
        {
            return matched;
        }

        IReadOnlyList<VCenterCredential> credentials;
        try
        {
            credentials = Await(token => Services.CredentialStore(hub).ListAsync(token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, hub);
            throw;
        }

        foreach (string vcenter in vcenters)
        {
            VCenterCredential? credential = CredentialMatcher.ForVCenter(credentials, vcenter, out string why);
            matched[vcenter] = credential;
            if (credential is null)
            {
                WriteWarning($"VMs of vCenter {vcenter} are added without a stored credential because {why}. The hub's backups need one: add them with -VCenterCredential <name>, or create one with New-SendenseVCenterCredential.");
            }
            else
            {
                WriteVerbose($"VMs of vCenter {vcenter} get stored credential '{credential.Name}' (id {credential.Id}) because {why}.");
            }
        }

        return matched;
    }
}
