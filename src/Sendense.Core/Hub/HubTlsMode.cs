namespace Sendense.Core.Hub;

/// <summary>How the connection to the hub's MariaDB server uses TLS (MySqlConnector's SslMode, by name).</summary>
public enum HubTlsMode
{
    /// <summary>Use TLS when the server offers it (the MariaDB client default).</summary>
    Preferred = 0,

    /// <summary>Never use TLS (a hub on the same host or a trusted private network).</summary>
    None,

    /// <summary>Require TLS but do not check the certificate.</summary>
    Required,

    /// <summary>Require TLS and a certificate signed by a trusted CA.</summary>
    VerifyCA,

    /// <summary>Require TLS, a trusted certificate and a matching host name.</summary>
    VerifyFull,
}
