using System.Management.Automation;
using Sendense.Core.Credentials;
using Sendense.Core.VSphere;
using Sendense.PowerShell.Completers;
using Sendense.PowerShell.Infrastructure;
using Sendense.PowerShell.Parameters;

namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Checks that a stored vCenter credential really logs in.</para>
/// <para type="description">Decrypts the credential's password, logs in to its vCenter over vim25 SOAP, reads who
/// and what answered, and logs out again. A refused login is a result (Succeeded = false, with the reason), not an
/// error; a credential that cannot be read (unknown, inactive, wrong key) is an error. A successful test counts as
/// a use of the credential, as the hub counts it.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "SendenseVCenterCredential")]
[OutputType(typeof(VCenterCredentialTestResult))]
[OutputType(typeof(bool))]
public sealed class TestSendenseVCenterCredentialCommand : StoredCredentialCmdlet
{
    /// <summary>The credential: a name, an id, or an object from Get-SendenseVCenterCredential.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [VCenterCredentialTransformation]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    [Alias("Name", "VCenterCredential")]
    [ValidateNotNull]
    public VCenterCredentialIdentity? Credential { get; set; }

    /// <summary>The vCenter certificate's SHA-256 (or SHA-1) thumbprint to accept when it is not otherwise trusted.</summary>
    [Parameter]
    [ValidateThumbprint]
    [Alias("CertificateThumbprint")]
    public string? Thumbprint { get; set; }

    /// <summary>Accept any vCenter certificate for this test (labs only).</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Writes only $true or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection hub = ResolveHub();
        using ResolvedVCenterCredential credential = ResolveStoredCredential(hub, Credential!);
        var result = new VCenterCredentialTestResult
        {
            Name = credential.Name,
            Id = credential.Id,
            VCenter = credential.VCenter,
            UserName = credential.UserName,
        };

        VCenterConnectionOptions options = VCenterConnectionOptions.ForCredential(credential.VCenter, credential.UserName, credential.Password);
        options.SkipCertificateCheck = SkipCertificateCheck.IsPresent;
        if (!string.IsNullOrEmpty(Thumbprint))
        {
            options.Thumbprint = CertificateThumbprint.Parse(Thumbprint!);
        }

        try
        {
            VCenterLoginResult login = Await(token => VCenterLogin.TestAsync(options, token));
            result.Succeeded = true;
            result.Product = login.Product;
            result.ApiVersion = login.ApiVersion;
            result.Elapsed = login.Elapsed;
            RecordCredentialUse(hub, credential.Id);
            WriteVerbose($"vCenter {credential.VCenter} accepted credential '{credential.Name}' as {login.UserName}; logged out again.");
        }
        catch (SendenseException exception) when (exception.Code is not SendenseErrorCode.Unexpected)
        {
            result.Succeeded = false;
            result.Message = exception.Message;
            result.ErrorId = exception.Code.ToString();
            WriteVerbose($"Credential '{credential.Name}' did not log in to {credential.VCenter}: {exception.Code}.");
        }

        if (Quiet.IsPresent)
        {
            WriteObject(result.Succeeded);
        }
        else
        {
            WriteObject(result);
        }
    }
}
