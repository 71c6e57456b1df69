using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// The TLS decision for one vCenter connection, installed as that connection's
/// HttpClientHandler.ServerCertificateCustomValidationCallback (never ServicePointManager, which is process-wide on
/// Windows PowerShell). Accepts a certificate whose chain and name validate; else one matching the pinned thumbprint
/// (as govc and PowerCLI do: the pin is consulted when the normal check fails); else only with the explicit opt-out.
/// A refused certificate is remembered so the error can show its thumbprints.
/// </summary>
internal sealed class ServerCertificatePolicy
{
    private readonly CertificateThumbprint? _pinned;
    private readonly bool _skipCheck;

    internal ServerCertificatePolicy(CertificateThumbprint? pinned, bool skipCheck)
    {
        _pinned = pinned;
        _skipCheck = skipCheck;
    }

    /// <summary>The last certificate this policy refused, for the error message.</summary>
    internal RefusedCertificate? Refused { get; private set; }

    internal bool Validate(HttpRequestMessage _, X509Certificate2? certificate, X509Chain? __, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is not null && _pinned is not null && _pinned.Matches(certificate))
        {
            return true;
        }

        if (_skipCheck)
        {
            return true;
        }

        Refused = certificate is null
            ? new RefusedCertificate(errors, null, null, string.Empty, string.Empty, null, null, _pinned)
            : new RefusedCertificate(errors, CertificateThumbprint.Sha256Of(certificate), CertificateThumbprint.Sha1Of(certificate),
                certificate.Subject, certificate.Issuer, certificate.NotBefore, certificate.NotAfter, _pinned);
        return false;
    }
}

/// <summary>What vCenter presented when its certificate was refused.</summary>
internal sealed record RefusedCertificate(SslPolicyErrors Errors, string? Sha256, string? Sha1, string Subject, string Issuer,
    DateTime? NotBefore, DateTime? NotAfter, CertificateThumbprint? Pinned)
{
    /// <summary>Why the certificate failed, in words.</summary>
    internal string Reason
    {
        get
        {
            var reasons = new System.Collections.Generic.List<string>();
            if ((Errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                reasons.Add("it is not signed by a certificate authority this machine trusts");
            }

            if ((Errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                reasons.Add("it is not issued for this host name");
            }

            if ((Errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                reasons.Add("the server sent no certificate");
            }

            return reasons.Count == 0 ? Errors.ToString() : string.Join(" and ", reasons);
        }
    }
}
