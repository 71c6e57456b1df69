using System.Management.Automation;
using Sendense.Core.Credentials;
using Sendense.Hub.Credentials;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Removes a vCenter credential from the hub.</para>
/// <para type="description">Deletes a row of vmware_credentials. While VMs in the hub use the credential
/// (vm_replication_contexts.credential_id) it refuses, because the hub needs it to back them up; -Force removes it
/// anyway and those VMs are left without a credential. The check and the delete run in one transaction.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SendenseVCenterCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
    DefaultParameterSetName = NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveSendenseVCenterCredentialCommand : HubCmdlet
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

    /// <summary>Removes it even while VMs use it; their credential_id becomes empty.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

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

        try
        {
            // Read first, so the confirmation names the vCenter and the VMs that would lose their credential.
            VCenterCredential current = Await(token => VCenterCredentialEngine.GetAsync(hub, identity, token));
            int references = Await(token => VCenterCredentialEngine.CountReferencesAsync(hub, current.Id, token));
            if (references > 0 && !Force.IsPresent)
            {
                throw new SendenseException(SendenseErrorCode.VCenterCredentialInUse,
                    $"The vCenter credential '{current.Name}' is used by {references} VM(s) in the hub (vm_replication_contexts.credential_id); " +
                    "the hub needs it to back them up. Nothing was removed. Use -Force to remove it anyway: those VMs are then left without a credential.");
            }

            string description = $"'{current.Name}' ({current.UserName} at {current.VCenter})" +
                (references > 0 ? $", used by {references} VM(s) that will be left without a credential" : string.Empty);
            if (!ShouldProcess(description, "Remove vCenter credential"))
            {
                return;
            }

            VCenterCredentialRemoval removal = Await(token =>
                VCenterCredentialEngine.RemoveAsync(hub, new VCenterCredentialIdentity(current.Id), Force.IsPresent, token));
            if (removal.ReferencingVMs > 0)
            {
                WriteWarning($"Removed vCenter credential '{removal.Credential.Name}': {removal.ReferencingVMs} VM(s) in the hub now have no credential; " +
                    "the hub cannot back them up until they get one again.");
            }

            if (removal.Credential.IsDefault)
            {
                WriteVerbose($"'{removal.Credential.Name}' was the default vCenter credential; there is no default now.");
            }

            WriteVerbose($"Removed vCenter credential '{removal.Credential.Name}' (id {removal.Credential.Id}) from hub {hub}.");
        }
        catch (SendenseException exception)
        {
            if (CredentialKeyParameters.StopsTheCommand(exception.Code))
            {
                ThrowSendenseError(exception, target);
            }

            WriteSendenseError(exception, target);
        }
    }
}
