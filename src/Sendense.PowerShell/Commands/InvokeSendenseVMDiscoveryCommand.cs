using System.Management.Automation;
using System.Runtime.CompilerServices;
using Sendense.Core.Credentials;
using Sendense.Core.Discovery;
using Sendense.Core.VSphere;
using Sendense.Hub.Discovery;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Discovery;
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
public sealed class InvokeSendenseVMDiscoveryCommand : StoredCredentialCmdlet
{
    private const string CredentialSet = "Credential";
    private const string VIServerSet = "VIServer";
    private const string StoredCredentialSet = "StoredCredential";

    private ResolvedVCenterCredential? _stored;

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

    /// <summary>The vCenter certificate's SHA-256 (or SHA-1) thumbprint to accept when the certificate is not otherwise trusted.</summary>
    [Parameter]
    [ValidateThumbprint]
    [Alias("CertificateThumbprint")]
    public string? Thumbprint { get; set; }

    /// <summary>Accept any vCenter certificate for this call (labs only).</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>VMs per page and per batch (maxObjects); 500 by default.</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int PageSize { get; set; } = VMDiscoveryRequest.DefaultPageSize;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection? storedCredentialHub = null;
        if (ParameterSetName == StoredCredentialSet)
        {
            storedCredentialHub = ResolveHub();
            _stored = ResolveStoredCredential(storedCredentialHub, VCenterCredential!);
        }

        try
        {
            Discover(storedCredentialHub);
        }
        finally
        {
            _stored?.Dispose();
            _stored = null;
        }
    }

    private void Discover(HubConnection? storedCredentialHub)
    {
        VCenterConnectionOptions connection = Connection();
        string vcenter = connection.HostName;
        if (SkipCertificateCheck.IsPresent)
        {
            WriteWarning($"-SkipCertificateCheck: the certificate of vCenter {vcenter} is not checked, so anyone on the network path can impersonate it and capture the credential. Pin its thumbprint with -Thumbprint instead.");
        }

        VMDiscoveryRequest request = Request();
        HubConnection? hub = TryResolveHub();
        if (hub is null && Hub is not null)
        {
            WriteWarning($"The hub connection given with -Hub ({Hub}) is closed, so IsManaged and ContextId are left empty. Connect again with Connect-SendenseHub.");
        }

        try
        {
            Pump(async (sink, token) =>
            {
                Task<IReadOnlyDictionary<string, string>>? managed = hub is null ? null : StartManagedLookup(hub, vcenter, token);
                DiscoveryPipelineObserver observer = managed is null
                    ? new DiscoveryPipelineObserver(sink, vcenter, null, null)
                    : HubMarkingObserver(sink, vcenter, managed);
                observer.CredentialId = _stored?.Id;
                try
                {
                    VMDiscoveryResult result = await VMDiscoveryService.DiscoverAsync(connection, request, observer, token).ConfigureAwait(false);
                    ReportUnmatched(sink, result, vcenter);
                    sink.WriteVerbose($"Discovered {result.Discovered} VM(s) on vCenter {vcenter} in {result.Elapsed.TotalSeconds:0.00} s " +
                        $"({result.Pages} page(s){(result.TemplatesSkipped > 0 ? $", {result.TemplatesSkipped} template(s) left out" : string.Empty)}).");
                }
                finally
                {
                    observer.OnProgress(new VMDiscoveryProgress { Stage = VMDiscoveryStage.Completed });
                    if (managed is not null)
                    {
                        _ = managed.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                    }
                }
            });
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, vcenter);
        }

        if (_stored is not null && storedCredentialHub is not null)
        {
            RecordCredentialUse(storedCredentialHub, _stored.Id);
        }
    }

    private VCenterConnectionOptions Connection()
    {
        VCenterConnectionOptions options;
        if (ParameterSetName == VIServerSet)
        {
            VIServerSession session;
            try
            {
                session = VIServerSession.From(VIServer!);
            }
            catch (SendenseException exception)
            {
                ThrowSendenseError(exception, VIServer);
                throw;
            }

            options = VCenterConnectionOptions.ForSession(session.Server, session.Cookie);
        }
        else if (_stored is not null)
        {
            options = VCenterConnectionOptions.ForCredential(_stored.VCenter, _stored.UserName, _stored.Password);
        }
        else
        {
            options = VCenterConnectionOptions.ForCredential(VCenter, Credential.UserName, Credential.Password);
        }

        options.SkipCertificateCheck = SkipCertificateCheck.IsPresent;
        if (!string.IsNullOrEmpty(Thumbprint))
        {
            options.Thumbprint = CertificateThumbprint.Parse(Thumbprint!);
        }

        return options;
    }

    private VMDiscoveryRequest Request() => new VMDiscoveryRequest
    {
        Names = Name ?? Array.Empty<string>(),
        Datacenters = Datacenter ?? StoredCredentialDatacenter(),
        Folder = Folder,
        PowerStates = PowerState ?? Array.Empty<string>(),
        IncludeTemplates = IncludeTemplate.IsPresent,
        PageSize = PageSize,
    };

    // Upstream discovers only the credential's datacenter; so do we, unless -Datacenter says otherwise.
    private string[] StoredCredentialDatacenter()
    {
        if (_stored is null || string.IsNullOrWhiteSpace(_stored.Datacenter))
        {
            return Array.Empty<string>();
        }

        WriteVerbose($"Discovery is scoped to datacenter '{_stored.Datacenter}' of credential '{_stored.Name}'; give -Datacenter to choose others.");
        return new[] { _stored.Datacenter };
    }

    // The two methods that name Sendense.Hub types are separate and not inlined: the hub engine (and MySqlConnector)
    // load only when a hub is actually connected. The query starts at once and runs while vCenter is read.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<IReadOnlyDictionary<string, string>> StartManagedLookup(HubConnection hub, string vcenter, CancellationToken token) =>
        Task.Run(() => ManagedVMLookup.LoadAsync(hub, vcenter, token), token);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DiscoveryPipelineObserver HubMarkingObserver(PipelineSink sink, string vcenter, Task<IReadOnlyDictionary<string, string>> managed) =>
        new DiscoveryPipelineObserver(sink, vcenter, managed, ManagedVMLookup.ContextOf);

    private void ReportUnmatched(PipelineSink sink, VMDiscoveryResult result, string vcenter)
    {
        string scope = Datacenter is { Length: > 0 } || Folder is not null || PowerState is { Length: > 0 } ? " with the given filters" : string.Empty;
        foreach (string name in result.UnmatchedNames)
        {
            sink.WriteError(ErrorRecords.Create(new SendenseException(SendenseErrorCode.VCenterVMNotFound,
                $"No VM named '{name}' was found on vCenter {vcenter}{scope}{(IncludeTemplate.IsPresent ? string.Empty : " (templates are left out unless -IncludeTemplate is given)")}."), name));
        }

        foreach (string datacenter in result.UnmatchedDatacenters)
        {
            sink.WriteError(ErrorRecords.Create(new SendenseException(SendenseErrorCode.VCenterDatacenterNotFound,
                $"No datacenter named '{datacenter}' was found on vCenter {vcenter}."), datacenter));
        }
    }
}
