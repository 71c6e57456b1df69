using System.Security;
using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Changes a vCenter credential stored in the hub.</para>
/// <para type="description">Changes the password (and user), datacenter, vCenter host, name, active state or default
/// flag of a stored credential, in one transaction. Making it the default clears the previous default in the same
/// transaction; deactivating the default also clears its flag. A new password is encrypted only under the hub's key:
/// a key that decrypts none of the other stored passwords stops the command with CredentialKeyMismatch.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "SendenseVCenterCredential", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
[OutputType(typeof(VCenterCredential))]
public sealed class SetSendenseVCenterCredentialCommand : CredentialTargetCmdlet
{
    /// <summary>A new name (printable characters only).</summary>
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

    /// <summary>The hub's credential key for a new password (base64 of 32 bytes); defaults to MIGRATEKIT_CRED_ENCRYPTION_KEY.</summary>
    /// <remarks>Declared here as well as on CredentialKeyCmdlet: this cmdlet's base is the one that names a credential.</remarks>
    [Parameter]
    [ValidateNotNull]
    public SecureString? EncryptionKey { get; set; }

    /// <summary>A file holding the hub's key for a new password (the bare key, or the hub's systemd unit).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EncryptionKeyFile { get; set; }

    /// <summary>Writes the changed credential.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection hub = ResolveHub();
        VCenterCredentialIdentity identity = Identity;
        var changes = new VCenterCredentialChanges
        {
            NewName = NewName,
            VCenter = VCenter,
            Datacenter = Datacenter,
            UserName = Credential?.UserName,
            Password = Credential?.Password,
            IsActive = GivenParameters.Value(this, nameof(Active), Active),
            IsDefault = GivenParameters.Value(this, nameof(Default), Default.IsPresent),
        };
        CredentialKeySource keys = CredentialKeyParameters.Create(this, EncryptionKey, EncryptionKeyFile, allowPlaintextPassword: false);
        WriteDebug($"Changing vCenter credential {identity} in one transaction on hub {hub}.");
        VCenterCredential? updated = Run((observer, token) => Services.Credentials(hub).UpdateAsync(identity, changes, keys, observer, token), Target);
        if (updated is not null && PassThru.IsPresent)
        {
            WriteObject(updated);
        }
    }
}
