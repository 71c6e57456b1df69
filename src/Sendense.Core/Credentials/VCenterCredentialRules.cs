namespace Sendense.Core.Credentials;

/// <summary>Checks and normal forms for credential fields, shared by create and update.</summary>
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
            return value.Length <= MaxLength ? value : value.Substring(0, MaxLength);
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

    /// <summary>Rejects an empty or over-long field with a message that names it (and never a password).</summary>
    public static string RequireText(string? value, string field, string credentialName)
    {
        string trimmed = (value ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw new SendenseException(SendenseErrorCode.VCenterCredentialInvalid,
                $"The vCenter credential '{credentialName}' needs a {field}; it cannot be empty.");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new SendenseException(SendenseErrorCode.VCenterCredentialInvalid,
                $"The {field} of vCenter credential '{credentialName}' is {trimmed.Length} characters long; the hub stores at most {MaxLength}.");
        }

        return trimmed;
    }
}
