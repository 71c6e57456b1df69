using Sendense.Core.Discovery;
using Sendense.Core.VSphere;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that log in to vCenter (discovery, Add-SendenseVM for PowerCLI input, the refresh): the
/// certificate parameters are declared here once, and <see cref="Access"/> turns whichever way in the user gave
/// (a PowerCLI session, a user and password, or a stored credential) into the one VCenterAccess of the core.
/// The set-specific parameters (-VCenter, -Credential, -VIServer) stay on each cmdlet, whose parameter sets differ.
/// </summary>
public abstract class VCenterCmdlet : StoredCredentialCmdlet
{
    /// <summary>The vCenter certificate's SHA-256 (or SHA-1) thumbprint to accept when it is not otherwise trusted.</summary>
    [Parameter]
    [ValidateThumbprint]
    [Alias("CertificateThumbprint")]
    public string? Thumbprint { get; set; }

    /// <summary>Accept any vCenter certificate for this call (labs only).</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Accept a plain http:// vCenter address (labs only: the password crosses the network in clear, and a warning says so).</summary>
    [Parameter]
    public SwitchParameter AllowInsecureHttp { get; set; }

    /// <summary>Seconds a vCenter request may go unanswered before it fails with VCenterTimeout (100 by default).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int Timeout { get; set; } = (int)VCenterConnectionOptions.DefaultTimeout.TotalSeconds;

    /// <summary>The way in as the core takes it; a -VIServer object is read here (without any PowerCLI assembly).</summary>
    protected VCenterAccess Access(string? vcenter, PSCredential? credential, PSObject? viServer, Sendense.Core.Credentials.VCenterCredentialIdentity? stored)
    {
        VIServerSession? session = null;
        try
        {
            session = viServer is null ? null : VIServerSession.From(viServer);
        }
        catch (SendenseException exception)
        {
            Stop(exception, viServer);
        }

        bool hasCredential = credential is not null && credential != PSCredential.Empty;
        return new VCenterAccess
        {
            VCenter = string.IsNullOrEmpty(vcenter) ? null : vcenter,
            UserName = hasCredential ? credential!.UserName : null,
            Password = hasCredential ? credential!.Password : null,
            SessionServer = session?.Server,
            SessionCookie = session?.Cookie,
            StoredCredential = stored,
            Keys = KeySource(AllowPlaintextPassword.IsPresent),
            Thumbprint = string.IsNullOrEmpty(Thumbprint) ? null : CertificateThumbprint.Parse(Thumbprint!),
            SkipCertificateCheck = SkipCertificateCheck.IsPresent,
            AllowInsecureHttp = AllowInsecureHttp.IsPresent,
            Timeout = TimeSpan.FromSeconds(Timeout),
        };
    }
}
