using System.Management.Automation;
using Sendense.Core.Credentials;
using Sendense.Hub.Credentials;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets the vCenter credentials stored in the hub.</para>
/// <para type="description">Lists vmware_credentials without any password. With -AsPSCredential it decrypts the
/// passwords of active credentials into PSCredential objects (SecureString, never text), for PowerCLI's
/// Connect-VIServer or any other command that takes -Credential; each of those counts as a use.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SendenseVCenterCredential", DefaultParameterSetName = NameSet)]
[OutputType(typeof(VCenterCredential))]
[OutputType(typeof(PSCredential))]
public sealed class GetSendenseVCenterCredentialCommand : StoredCredentialCmdlet
{
    private const string NameSet = "Name";
    private const string IdSet = "Id";
    private const string DefaultSet = "Default";

    private IReadOnlyList<VCenterCredential>? _all;
    private readonly HashSet<int> _written = new HashSet<int>();
    private HubConnection? _hub;

    /// <summary>Names, wildcards allowed; all credentials when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Ids (what vm_replication_contexts.credential_id holds); binds from a VM's CredentialId.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
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
        _hub ??= ResolveHub();
        HubConnection hub = _hub;
        try
        {
            _all ??= Await(token => VCenterCredentialEngine.ListAsync(hub, token));
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, null);
        }

        foreach (VCenterCredential credential in Select(_all))
        {
            if (_written.Add(credential.Id))
            {
                Write(hub, credential);
            }
        }
    }

    private IEnumerable<VCenterCredential> Select(IReadOnlyList<VCenterCredential> all)
    {
        switch (ParameterSetName)
        {
            case IdSet:
                foreach (int id in Id)
                {
                    VCenterCredential? match = all.FirstOrDefault(c => c.Id == id);
                    if (match is null)
                    {
                        WriteNotFound(new VCenterCredentialIdentity(id), id);
                        continue;
                    }

                    yield return match;
                }

                break;
            case DefaultSet:
                VCenterCredential? current = all.Where(c => c.IsDefault && c.IsActive).OrderBy(c => c.Id).FirstOrDefault();
                if (current is null)
                {
                    WriteSendenseError(new SendenseException(SendenseErrorCode.VCenterCredentialNotFound,
                        $"The hub {_hub} has no active default vCenter credential. Make one the default with: Set-SendenseVCenterCredential -Name <name> -Default"), null);
                    yield break;
                }

                yield return current;
                break;
            default:
                if (Name is null || Name.Length == 0)
                {
                    foreach (VCenterCredential credential in all)
                    {
                        yield return credential;
                    }

                    yield break;
                }

                foreach (string name in Name)
                {
                    if (WildcardPattern.ContainsWildcardCharacters(name))
                    {
                        var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                        foreach (VCenterCredential credential in all.Where(c => pattern.IsMatch(c.Name)))
                        {
                            yield return credential;
                        }

                        continue;
                    }

                    // The hub's collation: case-insensitive, trailing spaces ignored.
                    VCenterCredential? match = all.FirstOrDefault(c =>
                        HubCollation.Equal(c.Name, name));
                    if (match is null)
                    {
                        WriteNotFound(new VCenterCredentialIdentity(name), name);
                        continue;
                    }

                    yield return match;
                }

                break;
        }
    }

    private void Write(HubConnection hub, VCenterCredential credential)
    {
        if (!AsPSCredential.IsPresent)
        {
            WriteObject(credential);
            return;
        }

        CredentialKeySource keys = KeySource(AllowPlaintextPassword.IsPresent);
        WriteDebug($"Reading the password of vCenter credential '{credential.Name}' (id {credential.Id}, stored {credential.PasswordStorage}) from hub {hub}.");
        try
        {
            ResolvedVCenterCredential resolved = Await(token => VCenterCredentialEngine.ResolveAsync(hub, new VCenterCredentialIdentity(credential.Id), keys, token));
            if (resolved.Warning is not null)
            {
                WriteWarning(resolved.Warning);
            }

            Await(token => VCenterCredentialEngine.RecordUseAsync(hub, resolved.Id, token));
            WriteVerbose($"Read the password of vCenter credential '{resolved.Name}' into a PSCredential; counted as a use.");
            WriteObject(new PSCredential(resolved.UserName, resolved.Password));
        }
        catch (SendenseException exception)
        {
            if (CredentialKeyParameters.StopsTheCommand(exception.Code))
            {
                ThrowSendenseError(exception, credential);
            }

            WriteSendenseError(exception, credential);
        }
    }

    private void WriteNotFound(VCenterCredentialIdentity identity, object target) =>
        WriteSendenseError(new SendenseException(SendenseErrorCode.VCenterCredentialNotFound,
            $"The hub {_hub} has no vCenter credential {identity}. List them with Get-SendenseVCenterCredential."), target);
}
