using Sendense.Core.Credentials;
using Sendense.Core.Discovery;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Discovers the virtual machines of a vCenter.</para>
/// <para type="description">Reads every VM (or those matching -Name, -Datacenter, -Folder, -PowerState) with its
/// datacenter, folder, host, cluster, disks and networks in a few round trips, and writes Sendense.DiscoveredVM objects
/// as the pages arrive. Templates are left out unless -IncludeTemplate is given. When a hub is connected, IsManaged and
/// ContextId say whether the hub already manages each VM.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "SendenseVMDiscovery", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(DiscoveredVM))]
public sealed class InvokeSendenseVMDiscoveryCommand : VCenterCmdlet
{
    private const string CredentialSet = "Credential";
    private const string VIServerSet = "VIServer";
    private const string StoredCredentialSet = "StoredCredential";

    /// <summary>The vCenter host name or address (host, host:port, or https URL), as the hub should record it.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
    [ValidateNotNullOrEmpty]
    [Alias("Server")]
    public string VCenter { get; set; } = string.Empty;

    /// <summary>vCenter user name and password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    /// <summary>A PowerCLI VIServer object (e.g. $global:DefaultVIServer) whose session is reused and never logged out.</summary>
    [Parameter(Mandatory = true, ParameterSetName = VIServerSet)]
    [ValidateNotNull]
    public PSObject? VIServer { get; set; }

    private readonly List<VCenterCredentialIdentity> _stored = new List<VCenterCredentialIdentity>();

    /// <summary>
    /// vCenter credentials stored in the hub (names with wildcards, ids, or objects from the pipeline): each one's
    /// vCenter, user and password are used, discovery is scoped to its datacenter unless -Datacenter is given, every
    /// VM carries its id (Add-SendenseVM writes it into credential_id), and each run counts as one use. Several
    /// vCenters are discovered at once (-ThrottleLimit); one that fails gives one error record. Needs a hub connection.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = StoredCredentialSet)]
    [VCenterCredentialTransformation]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNull]
    public VCenterCredentialIdentity[]? VCenterCredential { get; set; }

    /// <summary>vCenters discovered at the same time with several stored credentials (4 by default).</summary>
    [Parameter(ParameterSetName = StoredCredentialSet)]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = Sendense.Core.Refresh.VCenterFanOut.DefaultThrottleLimit;

    /// <summary>VM names; wildcards allowed. A name without wildcards that matches nothing is reported as an error.</summary>
    [Parameter(Position = 1)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [Alias("VM", "VMName")]
    public string[]? Name { get; set; }

    /// <summary>Datacenter names; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Datacenter { get; set; }

    /// <summary>A VM folder path below the datacenter's vm folder ("Prod/Web") or a full inventory path ("/DC1/vm/Prod"); subfolders included.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Folder { get; set; }

    /// <summary>Only VMs in these power states.</summary>
    [Parameter]
    [ValidateSet("PoweredOn", "PoweredOff", "Suspended")]
    public string[]? PowerState { get; set; }

    /// <summary>Also return templates (left out by default).</summary>
    [Parameter]
    public SwitchParameter IncludeTemplate { get; set; }

    /// <summary>VMs per page and per batch (maxObjects); 500 by default.</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int PageSize { get; set; } = VMDiscoveryRequest.DefaultPageSize;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == StoredCredentialSet)
        {
            // Collected, so that piped credentials and patterns are discovered together, in parallel.
            _stored.AddRange(VCenterCredential?.Where(c => c is not null) ?? Array.Empty<VCenterCredentialIdentity>());
            return;
        }

        Discover(new[] { Access(ParameterSetName == CredentialSet ? VCenter : null, Credential, VIServer, null) }, ParameterSetName == VIServerSet ? VIServer! : VCenter);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_stored.Count > 0)
        {
            Discover(_stored.Select(c => Access(null, null, null, c)).ToList(), _stored.Count == 1 ? _stored[0] : _stored.ToArray());
        }
    }

    private void Discover(IReadOnlyList<VCenterAccess> targets, object target)
    {
        HubConnection? credentialHub = ParameterSetName == StoredCredentialSet ? ResolveHub() : null;
        HubConnection? markingHub = TryResolveHub();
        var request = new DiscoveryRequest
        {
            Targets = targets,
            ThrottleLimit = ThrottleLimit,
            Filters = new VMDiscoveryRequest
            {
                Names = Name ?? Array.Empty<string>(),
                Datacenters = Datacenter ?? Array.Empty<string>(),
                Folder = Folder,
                PowerStates = PowerState ?? Array.Empty<string>(),
                IncludeTemplates = IncludeTemplate.IsPresent,
                PageSize = PageSize,
            },
            DatacentersGiven = Datacenter is { Length: > 0 },
            ClosedHub = markingHub is null && Hub is not null ? Hub.ToString() : null,
        };
        RunEach<DiscoveredVM>((observer, token) => Services.Discovery(markingHub, credentialHub).DiscoverAsync(request, observer, token), target);
    }
}
