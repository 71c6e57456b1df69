using System.Security;
using Sendense.Core.Credentials;
using Sendense.Core.VSphere;

namespace Sendense.Core.Discovery;

/// <summary>
/// The way into a vCenter as a user gave it: a PowerCLI session, a user and password, or a credential stored in the
/// hub, plus how the certificate is checked. Discovery, Add-SendenseVM (PowerCLI input) and the refresh all take this
/// one shape; <see cref="OpenAsync"/> turns it into connection options, resolving a stored credential's password.
/// </summary>
public sealed class VCenterAccess
{
    /// <summary>The vCenter as typed (host, host:port or URL); for a stored credential, its vCenter is used when this is null.</summary>
    public string? VCenter { get; init; }

    /// <summary>A user for <see cref="Password"/>.</summary>
    public string? UserName { get; init; }

    /// <summary>The password (never a string).</summary>
    public SecureString? Password { get; init; }

    /// <summary>A borrowed PowerCLI session: its server.</summary>
    public string? SessionServer { get; init; }

    /// <summary>A borrowed PowerCLI session: its vmware_soap_session cookie (never logged out).</summary>
    public string? SessionCookie { get; init; }

    /// <summary>A credential stored in the hub (name, id or object).</summary>
    public VCenterCredentialIdentity? StoredCredential { get; init; }

    /// <summary>Where the hub's key comes from, to decrypt a stored credential.</summary>
    public CredentialKeySource? Keys { get; init; }

    /// <summary>A pinned certificate thumbprint.</summary>
    public CertificateThumbprint? Thumbprint { get; init; }

    /// <summary>Accept any certificate (labs).</summary>
    public bool SkipCertificateCheck { get; init; }

    /// <summary>Accept a plain http:// vCenter address (-AllowInsecureHttp; D1).</summary>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>How long a vCenter request may go unanswered (-Timeout); null keeps the default (100 s).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>True when no way in was given at all.</summary>
    public bool IsEmpty => SessionCookie is null && Password is null && StoredCredential is null;

    /// <summary>
    /// The connection options, and the stored credential they use (to dispose after the login, and whose id VMs
    /// record); <paramref name="fallbackServer"/> names the vCenter when only PowerCLI Uids said which.
    /// </summary>
    public async Task<(VCenterConnectionOptions Options, ResolvedVCenterCredential? Stored)> OpenAsync(ICredentialStore? credentials, string? fallbackServer,
        IOperationObserver observer, CancellationToken cancellationToken)
    {
        ResolvedVCenterCredential? stored = null;
        if (StoredCredential is not null)
        {
            ICredentialStore store = credentials ?? throw new InvalidOperationException("A stored credential needs the hub's credential store.");
            stored = await store.ResolveAsync(StoredCredential, Keys ?? new CredentialKeySource(), cancellationToken).ConfigureAwait(false);
            if (stored.Warning is not null)
            {
                observer.Warning(stored.Warning);
            }

            observer.Verbose($"Using vCenter credential '{stored.Name}' (id {stored.Id}): {stored.UserName} at {stored.VCenter}.");
        }

        VCenterConnectionOptions options;
        if (SessionCookie is not null)
        {
            options = VCenterConnectionOptions.ForSession(SessionServer!, SessionCookie);
        }
        else if (Password is not null)
        {
            string server = VCenter ?? stored?.VCenter ?? fallbackServer ?? throw new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                "-Credential needs -VCenter: say which vCenter to discover the named VMs in.");
            options = VCenterConnectionOptions.ForCredential(server, UserName ?? string.Empty, Password);
        }
        else if (stored is not null)
        {
            options = VCenterConnectionOptions.ForCredential(VCenter ?? stored.VCenter, stored.UserName, stored.Password);
        }
        else
        {
            throw new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                "To add VMs by name or from PowerCLI objects, Add-SendenseVM discovers them in vCenter first and needs a way in: " +
                "-VCenterCredential <stored credential>, -VCenter <host> -Credential <PSCredential>, or -VIServer $global:DefaultVIServer.");
        }

        options.SkipCertificateCheck = SkipCertificateCheck;
        options.Thumbprint = Thumbprint;
        options.AllowInsecureHttp = AllowInsecureHttp;
        if (Timeout is TimeSpan timeout)
        {
            options.Timeout = timeout;
        }

        if (options.IsPlainHttp && AllowInsecureHttp)
        {
            observer.Warning(Messages.Retries.PlainHttp(options.HostName));
        }

        return (options, stored);
    }
}
