using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the vCenter credentials stored in the hub.</para>
/// <para type="description">Lists vmware_credentials without any password. With -AsPSCredential it decrypts the
/// passwords of active credentials into PSCredential objects (SecureString, never text), for PowerCLI's
/// Connect-VIServer or any other command that takes -Credential; each of those counts as a use.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseVCenterCredential", DefaultParameterSetName = ParameterSets.Name)]
[OutputType(typeof(VCenterCredential))]
[OutputType(typeof(PSCredential))]
public sealed class GetSendenseVCenterCredentialCommand : StoredCredentialCmdlet
{
    private const string DefaultSet = "Default";

    // One query for the whole pipeline: the hub is listed once and each credential written once.
    private readonly VCenterCredentialQuery _query = new VCenterCredentialQuery();

    /// <summary>Names, wildcards allowed; all credentials when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = ParameterSets.Name)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Ids (what vm_replication_contexts.credential_id holds); binds from a VM's CredentialId.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Id, ValueFromPipelineByPropertyName = true)]
    [Alias("CredentialId")]
    [ValidateRange(1, int.MaxValue)]
    public int[] Id { get; set; } = Array.Empty<int>();

    /// <summary>Gets only the default credential (active and marked default).</summary>
    [Parameter(Mandatory = true, ParameterSetName = DefaultSet)]
    public SwitchParameter Default { get; set; }

    /// <summary>Writes PSCredential objects with the decrypted password (as a SecureString) instead of credential objects.</summary>
    [Parameter]
    public SwitchParameter AsPSCredential { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection hub = ResolveHub();
        _query.Names = Name;
        _query.Ids = ParameterSetName == ParameterSets.Id ? Id : null;
        _query.DefaultOnly = ParameterSetName == DefaultSet;
        CredentialService service = Services.Credentials(hub);
        if (!AsPSCredential.IsPresent)
        {
            RunEach<VCenterCredential>((observer, token) => service.GetAsync(_query, observer, token), null);
            return;
        }

        CredentialKeySource keys = KeySource(AllowPlaintextPassword.IsPresent);
        WriteDebug($"Reading the passwords of the selected vCenter credentials from hub {hub} with the key from {keys.Describe() ?? "nowhere yet"}.");
        RunEach<ResolvedVCenterCredential>((observer, token) => service.GetPasswordsAsync(_query, keys, observer, token), null,
            resolved => WriteObject(new PSCredential(resolved.UserName, resolved.Password)));
    }
}
