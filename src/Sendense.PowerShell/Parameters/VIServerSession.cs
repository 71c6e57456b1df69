namespace Sendense.PowerShell.Parameters;

/// <summary>
/// Reads a PowerCLI VIServer object ($global:DefaultVIServer, Connect-VIServer's output) by property name, without
/// referencing any PowerCLI assembly: Name, Port, SessionSecret (or SessionId: the vmware_soap_session cookie), and
/// IsConnected when present. Deserialized objects (from a remote session or Import-Clixml) work the same way.
/// </summary>
/// <param name="Server">host, or host:port when the port is not 443: the vCenter string for the connection and the hub.</param>
/// <param name="Cookie">The session cookie value. A secret: never written anywhere.</param>
internal sealed record VIServerSession(string Server, string Cookie)
{
    /// <summary>Names the vCenter, never the cookie.</summary>
    public override string ToString() => Server;

    internal static VIServerSession From(PSObject viServer)
    {
        string? name = Read(viServer, "Name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Invalid("it has no Name property; pass the object Connect-VIServer returned, e.g. -VIServer $global:DefaultVIServer.");
        }

        if (ReadBool(viServer, "IsConnected") == false)
        {
            throw new SendenseException(SendenseErrorCode.VCenterNotAuthenticated,
                $"The PowerCLI connection to {name} is closed (IsConnected is False). Run Connect-VIServer {name} again, or use -VCenter with -Credential.");
        }

        string? cookie = Read(viServer, "SessionSecret");
        if (string.IsNullOrWhiteSpace(cookie))
        {
            cookie = Read(viServer, "SessionId");
        }

        if (string.IsNullOrWhiteSpace(cookie))
        {
            throw Invalid($"it carries no session (SessionSecret and SessionId are empty). Connect with Connect-VIServer {name} first, or use -VCenter with -Credential.");
        }

        int port = 443;
        string? portText = Read(viServer, "Port");
        if (!string.IsNullOrEmpty(portText) && int.TryParse(portText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed > 0)
        {
            port = parsed;
        }

        string server = port == 443 ? name!.Trim() : name!.Trim() + ":" + port.ToString(CultureInfo.InvariantCulture);
        return new VIServerSession(server, cookie!.Trim());
    }

    private static string? Read(PSObject source, string property)
    {
        object? value = source.Properties[property]?.Value;
        if (value is PSObject wrapped)
        {
            value = wrapped.BaseObject;
        }

        return value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    private static bool? ReadBool(PSObject source, string property)
    {
        object? value = source.Properties[property]?.Value;
        if (value is PSObject wrapped)
        {
            value = wrapped.BaseObject;
        }

        return value switch
        {
            bool flag => flag,
            string text when bool.TryParse(text, out bool parsed) => parsed,
            _ => null,
        };
    }

    private static SendenseException Invalid(string why) =>
        new SendenseException(SendenseErrorCode.VCenterInvalidArgument, "-VIServer is not a usable PowerCLI VIServer object: " + why);
}
