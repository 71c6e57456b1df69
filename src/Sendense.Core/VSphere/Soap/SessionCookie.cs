namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// The vmware_soap_session cookie, handled by hand (the handler runs with UseCookies=false): vCenter sets it quoted
/// and Secure (vmware_soap_session="…"; Path=/; HttpOnly; Secure;), the simulator unquoted; a cookie jar would drop a
/// Secure cookie on http and share state across connections. The value is a secret: never log it.
/// </summary>
internal static class SessionCookie
{
    internal const string Name = "vmware_soap_session";

    /// <summary>The cookie value from Set-Cookie headers, without quotes; null when none sets it.</summary>
    internal static string? FromSetCookie(IEnumerable<string> headers)
    {
        string? found = null;
        foreach (string header in headers)
        {
            int semicolon = header.IndexOf(';');
            string pair = (semicolon < 0 ? header : header.Substring(0, semicolon)).Trim();
            int equals = pair.IndexOf('=');
            if (equals <= 0 || !string.Equals(pair.Substring(0, equals).Trim(), Name, StringComparison.Ordinal))
            {
                continue;
            }

            found = Unquote(pair.Substring(equals + 1));
        }

        return found;
    }

    /// <summary>A cookie value as the user or PowerCLI gave it, with or without quotes or the name, reduced to the value.</summary>
    internal static string Normalize(string value)
    {
        string text = value.Trim();
        if (text.StartsWith(Name + "=", StringComparison.Ordinal))
        {
            text = text.Substring(Name.Length + 1);
        }

        int semicolon = text.IndexOf(';');
        if (semicolon >= 0)
        {
            text = text.Substring(0, semicolon);
        }

        return Unquote(text);
    }

    /// <summary>The Cookie request header value. Sent quoted, as vCenter sets it (quotes are part of its cookie).</summary>
    internal static string ToHeader(string value) => Name + "=\"" + value + "\"";

    private static string Unquote(string value)
    {
        string text = value.Trim();
        return text.Length >= 2 && text[0] == '"' && text[text.Length - 1] == '"' ? text.Substring(1, text.Length - 2) : text;
    }
}
