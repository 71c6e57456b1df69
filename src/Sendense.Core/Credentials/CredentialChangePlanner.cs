namespace Sendense.Core.Credentials;

/// <summary>
/// The row values a create or an update writes, decided from what was asked (and, for an update, the row as it is
/// now, locked): field checks, the vCenter's normal form, and the default/active rules (an inactive credential is
/// never the default; deactivating the default drops its flag).
/// </summary>
public static class CredentialChangePlanner
{
    /// <summary>The values of a new credential; throws VCenterCredentialInvalid for a field the hub cannot take.</summary>
    public static VCenterCredentialValues ForCreate(NewVCenterCredentialSpec spec)
    {
        if (spec is null)
        {
            throw new ArgumentNullException(nameof(spec));
        }

        string name = VCenterCredentialRules.RequireName(spec.Name);
        string vCenter = VCenterCredentialRules.RequireText(VCenterCredentialRules.NormalizeVCenter(spec.VCenter), "vCenter host", name);
        string userName = VCenterCredentialRules.RequireText(spec.UserName, "user name", name);
        string datacenter = VCenterCredentialRules.RequireText(spec.Datacenter, "datacenter", name);
        string createdBy = VCenterCredentialRules.RequireText(spec.CreatedBy ?? VCenterCredentialRules.DefaultCreatedBy, "creator", name);
        VCenterCredentialRules.RequirePassword(spec.Password, name);
        if (spec.IsDefault && !spec.IsActive)
        {
            throw CredentialErrors.Invalid($"The vCenter credential '{name}' cannot be the default while it is inactive: only active credentials are used.");
        }

        return new VCenterCredentialValues(name, vCenter, userName, datacenter, spec.IsActive, spec.IsDefault, createdBy);
    }

    /// <summary>
    /// The values <paramref name="current"/> gets from <paramref name="changes"/>. <paramref name="defaultDropped"/>
    /// tells that deactivating it also cleared its default flag.
    /// </summary>
    public static VCenterCredentialValues ForUpdate(VCenterCredential current, VCenterCredentialChanges changes, out bool defaultDropped)
    {
        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        if (changes is null)
        {
            throw new ArgumentNullException(nameof(changes));
        }

        string name = changes.NewName is null ? current.Name : VCenterCredentialRules.RequireName(changes.NewName);
        string vCenter = changes.VCenter is null ? current.VCenter
            : VCenterCredentialRules.RequireText(VCenterCredentialRules.NormalizeVCenter(changes.VCenter), "vCenter host", current.Name);
        string userName = changes.UserName is null ? current.UserName : VCenterCredentialRules.RequireText(changes.UserName, "user name", current.Name);
        string datacenter = changes.Datacenter is null ? current.Datacenter : VCenterCredentialRules.RequireText(changes.Datacenter, "datacenter", current.Name);
        bool active = changes.IsActive ?? current.IsActive;
        bool isDefault = changes.IsDefault ?? current.IsDefault;
        defaultDropped = false;
        if (!active && isDefault)
        {
            if (changes.IsDefault == true)
            {
                throw CredentialErrors.Invalid(
                    $"The vCenter credential '{current.Name}' cannot be the default while it is inactive: only active credentials are used. Add -Active $true.");
            }

            isDefault = false;
            defaultDropped = true;
        }

        return new VCenterCredentialValues(name, vCenter, userName, datacenter, active, isDefault);
    }

    /// <summary>The ShouldProcess text of an update: what changes, never the value of a secret.</summary>
    public static string Describe(VCenterCredentialChanges changes)
    {
        if (changes is null)
        {
            throw new ArgumentNullException(nameof(changes));
        }

        var parts = new List<string>();
        if (changes.NewName is not null)
        {
            parts.Add($"name to '{changes.NewName}'");
        }

        if (changes.VCenter is not null)
        {
            parts.Add($"vCenter to '{changes.VCenter}'");
        }

        if (changes.UserName is not null)
        {
            parts.Add($"user to '{changes.UserName}' and the password");
        }

        if (changes.Datacenter is not null)
        {
            parts.Add($"datacenter to '{changes.Datacenter}'");
        }

        if (changes.IsActive is bool active)
        {
            parts.Add(active ? "activate" : "deactivate");
        }

        if (changes.IsDefault is bool isDefault)
        {
            parts.Add(isDefault ? "make it the default" : "stop it being the default");
        }

        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }
}
