namespace Sendense;

/// <summary>What Test-SendenseVCenterCredential found when it logged in to vCenter with a stored credential.</summary>
public sealed class VCenterCredentialTestResult
{
    /// <summary>The credential's name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The credential's id (vmware_credentials.id).</summary>
    public int Id { get; set; }

    /// <summary>The vCenter it logged in to.</summary>
    public string VCenter { get; set; } = string.Empty;

    /// <summary>The user it logged in as.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>True when vCenter accepted the login (and the session was logged out again).</summary>
    public bool Succeeded { get; set; }

    /// <summary>The vCenter product and build (about.fullName) when the login succeeded.</summary>
    public string Product { get; set; } = string.Empty;

    /// <summary>The newest API version vCenter speaks.</summary>
    public string ApiVersion { get; set; } = string.Empty;

    /// <summary>Time to connect, log in and read the service content.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Why it failed (never containing the password); empty on success.</summary>
    public string Message { get; set; } = string.Empty;

    /// <summary>The error id of the failure, e.g. VCenterLoginFailed; empty on success.</summary>
    public string ErrorId { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {(Succeeded ? "OK" : Message)}";
}
