namespace Sendense.Core.VSphere;

/// <summary>Turns what the user typed (vc01, vc01:8443, an IPv6 address, a full URL) into the SDK endpoint URL.</summary>
internal static class VCenterAddress
{
    internal static Uri ToSdkUri(string server, bool allowHttp = false)
    {
        string text = (server ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                "No vCenter was given. Pass the vCenter host name, e.g. -VCenter vc01.example.com.");
        }

        if (!text.Contains("://"))
        {
            // A bare IPv6 address has several colons and needs brackets in a URL.
            if (text.IndexOf(':') != text.LastIndexOf(':') && !text.StartsWith("[", StringComparison.Ordinal))
            {
                text = "[" + text + "]";
            }

            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
        {
            throw new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                $"'{server}' is not a vCenter address. Give a host name or address (vc01.example.com, vc01:8443) or an https URL (https://vc01/sdk).");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            // D1: a plain http endpoint gets the password in clear; only an explicit opt-in lets it through, loopback
            // included (what listens there is not known to be vCenter, and a script's address may change).
            throw Messages.Retries.PlainHttpRefused(server!);
        }

        if (uri.AbsolutePath == "/" || uri.AbsolutePath.Length == 0)
        {
            uri = new UriBuilder(uri) { Path = "/sdk" }.Uri;
        }

        return uri;
    }

    /// <summary>
    /// The vCenter as the hub records it (vcenter_host): what the user typed, except that a URL is reduced to its host
    /// (and port, when not the scheme's default), since the hub builds https://&lt;host&gt;/sdk itself.
    /// </summary>
    internal static string HostOf(string server)
    {
        string text = (server ?? string.Empty).Trim();
        if (!text.Contains("://") || !Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0)
        {
            return text;
        }

        return uri.IsDefaultPort ? uri.Host : uri.Authority;
    }
}
