using Sendense.Core.VSphere;

namespace Sendense.Core.Credentials;

/// <summary>The parts of Test-SendenseVCenterCredential that are plain data: the login it tries and the result it reports.</summary>
public static class CredentialLoginTest
{
    /// <summary>How to log in with the resolved credential (its password stays a SecureString).</summary>
    public static VCenterConnectionOptions Options(ResolvedVCenterCredential credential, VCenterCredentialTestRequest request)
    {
        if (credential is null || request is null)
        {
            throw new ArgumentNullException(credential is null ? nameof(credential) : nameof(request));
        }

        VCenterConnectionOptions options = VCenterConnectionOptions.ForCredential(credential.VCenter, credential.UserName, credential.Password);
        options.SkipCertificateCheck = request.SkipCertificateCheck;
        options.AllowInsecureHttp = request.AllowInsecureHttp;
        if (request.Timeout is TimeSpan timeout)
        {
            options.Timeout = timeout;
        }

        if (!string.IsNullOrEmpty(request.Thumbprint))
        {
            options.Thumbprint = CertificateThumbprint.Parse(request.Thumbprint!);
        }

        return options;
    }

    /// <summary>vCenter accepted the login.</summary>
    public static VCenterCredentialTestResult Succeeded(ResolvedVCenterCredential credential, VCenterLoginResult login)
    {
        VCenterCredentialTestResult result = For(credential);
        result.Succeeded = true;
        result.Product = login?.Product ?? string.Empty;
        result.ApiVersion = login?.ApiVersion ?? string.Empty;
        result.Elapsed = login?.Elapsed ?? TimeSpan.Zero;
        return result;
    }

    /// <summary>vCenter refused it, or could not be reached: a result with the reason, not an error.</summary>
    public static VCenterCredentialTestResult Failed(ResolvedVCenterCredential credential, SendenseException exception)
    {
        VCenterCredentialTestResult result = For(credential);
        result.Message = exception?.Message ?? string.Empty;
        result.ErrorId = exception?.Code.ToString() ?? string.Empty;
        return result;
    }

    private static VCenterCredentialTestResult For(ResolvedVCenterCredential credential) => new VCenterCredentialTestResult
    {
        Name = credential.Name,
        Id = credential.Id,
        VCenter = credential.VCenter,
        UserName = credential.UserName,
    };
}
