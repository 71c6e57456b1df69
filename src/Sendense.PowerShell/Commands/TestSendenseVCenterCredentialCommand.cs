using Sendense.Core.Credentials;

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
public sealed class TestSendenseVCenterCredentialCommand : VCenterCmdlet
{
    /// <summary>The credential: a name, an id, or an object from Get-SendenseVCenterCredential.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [VCenterCredentialTransformation]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    [Alias("Name", "VCenterCredential")]
    [ValidateNotNull]
    public VCenterCredentialIdentity? Credential { get; set; }

    /// <summary>Writes only $true or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        HubConnection hub = ResolveHub();
        var request = new VCenterCredentialTestRequest
        {
            Identity = Credential,
            Keys = KeySource(AllowPlaintextPassword.IsPresent),
            Thumbprint = Thumbprint,
            SkipCertificateCheck = SkipCertificateCheck.IsPresent,
            AllowInsecureHttp = AllowInsecureHttp.IsPresent,
            Timeout = TimeSpan.FromSeconds(Timeout),
        };
        VCenterCredentialTestResult? result = Run((observer, token) => Services.Credentials(hub).TestAsync(request, observer, token), Credential);
        if (result is null)
        {
            return;
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
