namespace Sendense;

/// <summary>
/// A vCenter credential stored in the hub (one row of vmware_credentials): where and as whom to log in to a vCenter.
/// Output of Get-, New- and Set-SendenseVCenterCredential; binds by Id or Name to every -VCenterCredential parameter.
/// It never carries the password, not even in its encrypted form: that stays in the hub until a cmdlet that logs in
/// decrypts it into a SecureString.
/// </summary>
public sealed class VCenterCredential
{
    /// <summary>id: the hub's number for the credential, what vm_replication_contexts.credential_id points at.</summary>
    public int Id { get; set; }

    /// <summary>credential_name: unique in the hub, compared case-insensitively.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>vcenter_host: host name or address of the vCenter.</summary>
    public string VCenter { get; set; } = string.Empty;

    /// <summary>username, e.g. administrator@vsphere.local.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>datacenter: the datacenter discovery runs against.</summary>
    public string Datacenter { get; set; } = string.Empty;

    /// <summary>is_active: only active credentials can be used to log in.</summary>
    public bool IsActive { get; set; }

    /// <summary>is_default: the credential used when none is named; at most one is the default.</summary>
    public bool IsDefault { get; set; }

    /// <summary>How the password is stored, told without reading it (see <see cref="VCenterCredentialPasswordStorage"/>).</summary>
    public VCenterCredentialPasswordStorage PasswordStorage { get; set; }

    /// <summary>created_at (hub server time).</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>updated_at (hub server time).</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>created_by: who created it (the hub's GUI writes gui_user; this module writes user@machine).</summary>
    public string? CreatedBy { get; set; }

    /// <summary>last_used: when a login last used it (hub server time); null if never.</summary>
    public DateTime? LastUsed { get; set; }

    /// <summary>usage_count: how many times it was used to log in.</summary>
    public int UsageCount { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
