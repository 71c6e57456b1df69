namespace Sendense.Core.Credentials;

/// <summary>
/// Which stored credentials Get-SendenseVCenterCredential wants. One query serves every record of a pipeline: the
/// cmdlet changes <see cref="Ids"/> per record, and the query remembers what it listed and what it wrote, so the
/// hub is read once and each credential is written once.
/// </summary>
public sealed class VCenterCredentialQuery
{
    /// <summary>Names or wildcards (as the hub compares names); all credentials when null or empty.</summary>
    public IReadOnlyList<string>? Names { get; set; }

    /// <summary>Ids; when set, wins over <see cref="Names"/>.</summary>
    public IReadOnlyList<int>? Ids { get; set; }

    /// <summary>Only the default credential (active, is_default, lowest id).</summary>
    public bool DefaultOnly { get; set; }

    internal IReadOnlyList<VCenterCredential>? Listed { get; set; }

    internal HashSet<int> Written { get; } = new HashSet<int>();
}

/// <summary>What Test-SendenseVCenterCredential tries.</summary>
public sealed class VCenterCredentialTestRequest
{
    /// <summary>The stored credential to log in with.</summary>
    public VCenterCredentialIdentity? Identity { get; set; }

    /// <summary>Where the key comes from.</summary>
    public CredentialKeySource Keys { get; set; } = new CredentialKeySource();

    /// <summary>A certificate thumbprint to accept (SHA-256 or SHA-1 hex); null to trust the machine's store only.</summary>
    public string? Thumbprint { get; set; }

    /// <summary>Accept any certificate (labs only).</summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>Accept a plain http:// vCenter address (-AllowInsecureHttp).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>How long a request may go unanswered (-Timeout); null keeps the default.</summary>
    public TimeSpan? Timeout { get; set; }
}
