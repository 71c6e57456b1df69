namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Removes a vCenter credential from the hub.</para>
/// <para type="description">Deletes a row of vmware_credentials. While VMs in the hub use the credential
/// (vm_replication_contexts.credential_id) it refuses, because the hub needs it to back them up; -Force removes it
/// anyway and those VMs are left without a credential. The check and the delete run in one transaction. The command
/// asks before removing (ConfirmImpact High); -Force does not ask, unless -Confirm is given as well.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SendenseVCenterCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
    DefaultParameterSetName = ParameterSets.Name)]
[OutputType(typeof(void))]
public sealed class RemoveSendenseVCenterCredentialCommand : CredentialTargetCmdlet
{
    /// <summary>Removes it even while VMs use it (their credential_id becomes empty), without asking first.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection hub = ResolveHub();
        bool forced = ForcedConfirmation.Applies(this, Force.IsPresent);
        Run((observer, token) => Services.Credentials(hub).RemoveAsync(Identity, Force.IsPresent, ForcedConfirmation.Wrap(observer, forced), token), Target);
    }
}
