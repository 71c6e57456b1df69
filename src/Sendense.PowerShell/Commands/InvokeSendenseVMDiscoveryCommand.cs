using System.Management.Automation;
using Sendense.Core.Credentials;
using Sendense.Core.Discovery;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;
using Sendense.PowerShell.Parameters;

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

    /// <summary>
    /// A vCenter credential stored in the hub (name, id or object): its vCenter, user and password are used, discovery
    /// is scoped to its datacenter unless -Datacenter is given, every VM carries its id (Add-SendenseVM writes it into
    /// credential_id), and the run counts as one use. Needs a hub connection.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = StoredCredentialSet)]
    [VCenterCredentialTransformation]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    [ValidateNotNull]
    public VCenterCredentialIdentity? VCenterCredential { get; set; }

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
        HubConnection? credentialHub = ParameterSetName == StoredCredentialSet ? ResolveHub() : null;
        HubConnection? markingHub = TryResolveHub();
        var request = new DiscoveryRequest
        {
            Targets = new[] { Access(ParameterSetName == CredentialSet ? VCenter : null, Credential, VIServer, VCenterCredential) },
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
        object target = ParameterSetName switch { VIServerSet => VIServer!, StoredCredentialSet => VCenterCredential!, _ => VCenter };
        RunEach<DiscoveredVM>((observer, token) => Services.Discovery(markingHub, credentialHub).DiscoverAsync(request, observer, token), target);
    }
}
