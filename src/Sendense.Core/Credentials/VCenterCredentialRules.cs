using System.Security;

namespace Sendense.Core.Credentials;

/// <summary>Checks and normal forms for credential fields, shared by create and update, and the default rule.</summary>
public static class VCenterCredentialRules
{
    /// <summary>Every text column of vmware_credentials is varchar(255).</summary>
    public const int MaxLength = 255;

    /// <summary>created_by for rows this module writes: who, on which machine, through what.</summary>
    public static string DefaultCreatedBy
    {
        get
        {
            string value = Environment.UserName + "@" + Environment.MachineName + " (Sendense.PowerShell)";
            return HubText.TruncateCodePoints(value, MaxLength);
        }
    }

    /// <summary>
    /// The hub stores a host name and builds https://&lt;host&gt;/sdk itself, so a URL typed by the user is reduced
    /// to its host[:port]; surrounding blanks and a trailing slash go.
    /// </summary>
    public static string NormalizeVCenter(string value)
    {
        string trimmed = (value ?? string.Empty).Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out Uri? uri) &&
            (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0)
        {
            return uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port;
        }

        return trimmed.TrimEnd('/');
    }

    /// <summary>
    /// Rejects an empty or over-long field (counted in characters, as MariaDB counts them) with a message that
    /// names it (and never a password).
    /// </summary>
    public static string RequireText(string? value, string field, string credentialName)
    {
        string trimmed = (value ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw CredentialErrors.Invalid($"The vCenter credential '{credentialName}' needs a {field}; it cannot be empty.");
        }

        int length = HubText.CodePointLength(trimmed);
        if (length > MaxLength)
        {
            throw CredentialErrors.Invalid(
                $"The {field} of vCenter credential '{credentialName}' is {length} characters long; the hub stores at most {MaxLength}.");
        }

        return trimmed;
    }

    /// <summary>A credential name: <see cref="RequireText"/>, and printable (people pick it in the hub's GUI and type it).</summary>
    public static string RequireName(string? value)
    {
        string shown = DisplayName.Escape(value ?? string.Empty);
        string name = RequireText(value, "name", shown);
        string? unprintable = DisplayName.FindUnprintable(name);
        if (unprintable is not null)
        {
            throw CredentialErrors.Invalid(
                $"The name of vCenter credential '{shown}' contains {unprintable}, which cannot be shown or typed in the hub. Use printable characters only.");
        }

        return name;
    }

    /// <summary>A password must be given and not empty.</summary>
    public static void RequirePassword(SecureString? password, string credentialName)
    {
        if (password is null || password.Length == 0)
        {
            throw CredentialErrors.Invalid($"The vCenter credential '{credentialName}' needs a password; it cannot be empty.");
        }
    }

    /// <summary>
    /// The default credential, as upstream picks it (GetDefaultCredentials: is_default and is_active, lowest id):
    /// only active credentials are used, and if the table holds several defaults the oldest wins.
    /// </summary>
    public static VCenterCredential? DefaultOf(IEnumerable<VCenterCredential> credentials) =>
        credentials.Where(c => c.IsDefault && c.IsActive).OrderBy(c => c.Id).FirstOrDefault();
}
