namespace Sendense.Core.Credentials;

/// <summary>
/// The messages of the credential family, each written once: the service raises most of them, the hub store the
/// few it detects itself (a duplicate name in the unique key, a row that vanished, an inactive row asked for its
/// password). Every message names the credential and says what to do; none ever contains a secret.
/// </summary>
public static class CredentialErrors
{
    /// <summary>No stored credential has that name or id.</summary>
    public static SendenseException NotFound(string hub, VCenterCredentialIdentity identity) => NotFound(hub, identity?.ToString() ?? string.Empty);

    /// <summary>No stored credential is <paramref name="what"/> ('Prod', id 7).</summary>
    public static SendenseException NotFound(string hub, string what) =>
        new SendenseException(SendenseErrorCode.VCenterCredentialNotFound,
            $"The hub {hub} has no vCenter credential {what}. List them with Get-SendenseVCenterCredential.");

    /// <summary>No credential is active and the default.</summary>
    public static SendenseException NoDefault(string hub) =>
        new SendenseException(SendenseErrorCode.VCenterCredentialNotFound,
            $"The hub {hub} has no active default vCenter credential. Make one the default with: Set-SendenseVCenterCredential -Name <name> -Default");

    /// <summary>The unique key on credential_name refused the name.</summary>
    public static SendenseException Exists(string name, Exception? inner = null) =>
        new SendenseException(SendenseErrorCode.VCenterCredentialExists,
            $"A vCenter credential named '{name}' already exists in the hub (names are compared without regard to case). " +
            "Choose another name, or change the existing one with Set-SendenseVCenterCredential.", inner);

    /// <summary>An inactive credential cannot log in.</summary>
    public static SendenseException Inactive(string name) =>
        new SendenseException(SendenseErrorCode.VCenterCredentialInactive,
            $"The vCenter credential '{name}' is inactive, so it cannot be used to log in. Activate it with: " +
            $"Set-SendenseVCenterCredential -Name '{name}' -Active $true");

    /// <summary>VM contexts still point at the credential.</summary>
    public static SendenseException InUse(string name, int references) =>
        new SendenseException(SendenseErrorCode.VCenterCredentialInUse,
            $"The vCenter credential '{name}' is used by {references} VM(s) in the hub (vm_replication_contexts.credential_id); " +
            "the hub needs it to back them up. Nothing was removed. Use -Force to remove it anyway: those VMs are then left without a credential.");

    /// <summary>A field, or a combination of fields, the hub cannot take.</summary>
    public static SendenseException Invalid(string message) => new SendenseException(SendenseErrorCode.VCenterCredentialInvalid, message);

    /// <summary>
    /// The key decrypts none of the passwords already stored: what it would encrypt, the hub (and every runbook that
    /// has the hub's key) could never read.
    /// </summary>
    public static SendenseException KeyMismatch(string name, string? keySource, CredentialKeyCheck check) =>
        new SendenseException(SendenseErrorCode.CredentialKeyMismatch,
            $"The key from {keySource ?? "the environment"} is not the hub's: it decrypts none of the passwords already stored " +
            $"in the hub ({check.Compared} tried, such as the one of vCenter credential '{check.Example}'), so the hub could not read the " +
            $"password of vCenter credential '{name}' either. Nothing was written. Use the hub's key, the value of " +
            $"{CredentialKeySource.KeyVariable} in the hub's systemd unit (/etc/systemd/system/sendense-hub.service): pass " +
            "-EncryptionKeyFile /etc/systemd/system/sendense-hub.service (or a copy of it), -EncryptionKey, or set the environment variable.");
}
