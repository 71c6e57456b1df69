using System.Management.Automation;
using Sendense.Core.Credentials;
using Sendense.Hub.Credentials;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Changes a vCenter credential stored in the hub.</para>
/// <para type="description">Changes the password (and user), datacenter, vCenter host, name, active state or default
/// flag of a stored credential, in one transaction. Making it the default clears the previous default in the same
/// transaction; deactivating the default also clears its flag.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "SendenseVCenterCredential", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
[OutputType(typeof(VCenterCredential))]
public sealed class SetSendenseVCenterCredentialCommand : CredentialKeyCmdlet
{
    private const string NameSet = "Name";
    private const string IdSet = "Id";
    private const string InputObjectSet = "InputObject";

    /// <summary>The credential's name (exact, compared without regard to case).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>The credential's id.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Id { get; set; }

    /// <summary>A credential from Get-SendenseVCenterCredential.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public VCenterCredential? InputObject { get; set; }

    /// <summary>A new name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, VCenterCredentialRules.MaxLength)]
    public string? NewName { get; set; }

    /// <summary>A new vCenter host name or address.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("Server", "VCenterHost")]
    public string? VCenter { get; set; }

    /// <summary>A new user and password; the password is encrypted with the hub's key.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>A new datacenter.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Datacenter { get; set; }

    /// <summary>$true to activate, $false to deactivate (a deactivated default stops being the default).</summary>
    [Parameter]
    public bool Active { get; set; }

    /// <summary>Makes it the default (the previous one stops being the default); -Default:$false stops it being the default.</summary>
    [Parameter]
    public SwitchParameter Default { get; set; }



    /// <summary>Writes the changed credential.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection hub = ResolveHub();
        VCenterCredentialIdentity identity = ParameterSetName switch
        {
            IdSet => new VCenterCredentialIdentity(Id),
            InputObjectSet => new VCenterCredentialIdentity(InputObject!),
            _ => new VCenterCredentialIdentity(Name),
        };
        object target = (object?)InputObject ?? (ParameterSetName == IdSet ? Id : Name);

        var changes = new VCenterCredentialChanges
        {
            NewName = NewName,
            VCenter = VCenter,
            Datacenter = Datacenter,
            UserName = Credential?.UserName,
            Password = Credential?.Password,
            IsActive = MyInvocation.BoundParameters.ContainsKey(nameof(Active)) ? Active : null,
            IsDefault = MyInvocation.BoundParameters.ContainsKey(nameof(Default)) ? Default.IsPresent : null,
        };

        if (changes.IsEmpty)
        {
            WriteVerbose($"Nothing to change for vCenter credential {identity}.");
        }

        if (!ShouldProcess($"vCenter credential {identity}", "Change " + Describe(changes)))
        {
            return;
        }

        CredentialKeySource keys = KeySource();
        WriteDebug($"Changing vCenter credential {identity} in one transaction on hub {hub}.");
        VCenterCredentialUpdateResult result;
        try
        {
            result = Await(token => VCenterCredentialEngine.UpdateAsync(hub, identity, changes, keys, token));
        }
        catch (SendenseException exception)
        {
            if (CredentialKeyParameters.StopsTheCommand(exception.Code))
            {
                ThrowSendenseError(exception, target);
            }

            WriteSendenseError(exception, target);
            return;
        }

        VCenterCredential updated = result.Credential;
        if (changes.Password is not null)
        {
            WriteVerbose($"Encrypted the new password of '{updated.Name}' with the key from {keys.Describe()}.");
        }

        if (result.OtherDefaultsCleared > 0)
        {
            WriteVerbose($"'{updated.Name}' is now the default vCenter credential; the previous default stopped being one.");
        }

        if (result.DefaultDropped)
        {
            WriteWarning($"'{updated.Name}' was the default vCenter credential; now that it is inactive there is no default. Choose one with: Set-SendenseVCenterCredential -Name <name> -Default");
        }

        WriteVerbose($"Changed vCenter credential '{updated.Name}' (id {updated.Id}) in hub {hub}.");
        if (PassThru.IsPresent)
        {
            WriteObject(updated);
        }
    }

    // The ShouldProcess text: what changes, never the values of secrets.
    private static string Describe(VCenterCredentialChanges changes)
    {
        var parts = new List<string>();
        if (changes.NewName is not null)
        {
            parts.Add($"name to '{changes.NewName}'");
        }

        if (changes.VCenter is not null)
        {
            parts.Add($"vCenter to '{changes.VCenter}'");
        }

        if (changes.UserName is not null)
        {
            parts.Add($"user to '{changes.UserName}' and the password");
        }

        if (changes.Datacenter is not null)
        {
            parts.Add($"datacenter to '{changes.Datacenter}'");
        }

        if (changes.IsActive is bool active)
        {
            parts.Add(active ? "activate" : "deactivate");
        }

        if (changes.IsDefault is bool isDefault)
        {
            parts.Add(isDefault ? "make it the default" : "stop it being the default");
        }

        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }
}
