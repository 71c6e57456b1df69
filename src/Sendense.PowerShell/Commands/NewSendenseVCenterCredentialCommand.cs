using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Stores a vCenter credential in the hub, its password encrypted the way the hub does it.</para>
/// <para type="description">Adds a row to vmware_credentials: name, vCenter host, user, datacenter, and the password
/// encrypted with AES-256-GCM under the hub's key (MIGRATEKIT_CRED_ENCRYPTION_KEY), so the hub's GUI can use it and
/// runbooks can name it with -VCenterCredential instead of carrying a password. A key that decrypts none of the
/// passwords already stored is not the hub's: the command then stops with CredentialKeyMismatch and writes nothing.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "SendenseVCenterCredential", SupportsShouldProcess = true)]
[OutputType(typeof(VCenterCredential))]
public sealed class NewSendenseVCenterCredentialCommand : CredentialKeyCmdlet
{
    /// <summary>The credential's name, unique in the hub (compared without regard to case); printable characters only.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, VCenterCredentialRules.MaxLength)]
    public string Name { get; set; } = string.Empty;

    /// <summary>The vCenter's host name or address (a URL such as https://vc01/sdk is reduced to vc01).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("Server", "VCenterHost")]
    public string VCenter { get; set; } = string.Empty;

    /// <summary>The vCenter user and password.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    /// <summary>The datacenter discovery runs against with this credential.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Datacenter { get; set; } = string.Empty;

    /// <summary>Makes it the default credential; the previous default stops being one, in the same transaction.</summary>
    [Parameter]
    public SwitchParameter Default { get; set; }

    /// <summary>Whether it can be used (true by default); -Active $false stores it disabled.</summary>
    [Parameter]
    public bool Active { get; set; } = true;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection hub = ResolveHub();
        var spec = new NewVCenterCredentialSpec
        {
            Name = Name,
            VCenter = VCenter,
            UserName = Credential.UserName,
            Password = Credential.Password,
            Datacenter = Datacenter,
            IsActive = Active,
            IsDefault = Default.IsPresent,
        };
        CredentialKeySource keys = KeySource();
        WriteDebug($"Encrypting the password of '{Name}' with AES-256-GCM (12-byte random nonce, 16-byte tag) under the key from {keys.Describe() ?? "nowhere yet"}.");
        VCenterCredential? created = Run((observer, token) => Services.Credentials(hub).CreateAsync(spec, keys, observer, token), Name);
        if (created is not null)
        {
            WriteObject(created);
        }
    }
}
