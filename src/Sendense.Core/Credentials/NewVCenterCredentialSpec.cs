using System.Security;

namespace Sendense.Core.Credentials;

/// <summary>What New-SendenseVCenterCredential stores. The password is encrypted before it leaves the process.</summary>
public sealed class NewVCenterCredentialSpec
{
    /// <summary>credential_name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>vcenter_host (a URL such as https://vc01/sdk is reduced to vc01).</summary>
    public string VCenter { get; set; } = string.Empty;

    /// <summary>username.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>The password; never turned into a string.</summary>
    public SecureString? Password { get; set; }

    /// <summary>datacenter.</summary>
    public string Datacenter { get; set; } = string.Empty;

    /// <summary>is_active (upstream always writes 1; the module writes what it is given).</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>is_default: when true, every other credential stops being the default in the same transaction.</summary>
    public bool IsDefault { get; set; }

    /// <summary>created_by; <see cref="VCenterCredentialRules.DefaultCreatedBy"/> when null.</summary>
    public string? CreatedBy { get; set; }
}
