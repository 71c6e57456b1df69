using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sendense.Core.VSphere;

/// <summary>
/// A pinned certificate thumbprint: SHA-256 (preferred) or SHA-1 (what PowerCLI and govc print), in any case, with or
/// without colons, spaces or dashes. Compared against the certificate vCenter presents when the normal chain check
/// fails, per connection.
/// </summary>
public sealed class CertificateThumbprint
{
    private CertificateThumbprint(string hex) => Hex = hex;

    /// <summary>Upper-case hex without separators.</summary>
    public string Hex { get; }

    /// <summary>SHA-256 (64 hex digits) or SHA-1 (40).</summary>
    public string Algorithm => Hex.Length == 64 ? "SHA-256" : "SHA-1";

    /// <summary>Parses a thumbprint, or explains what is wrong with it.</summary>
    public static bool TryParse(string? text, out CertificateThumbprint? thumbprint, out string error)
    {
        thumbprint = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The thumbprint is empty.";
            return false;
        }

        var hex = new StringBuilder(64);
        foreach (char c in text!)
        {
            if (c == ':' || c == ' ' || c == '-')
            {
                continue;
            }

            if (!Uri.IsHexDigit(c))
            {
                error = $"'{text}' is not a certificate thumbprint: '{c}' is not a hex digit.";
                return false;
            }

            hex.Append(char.ToUpperInvariant(c));
        }

        if (hex.Length != 64 && hex.Length != 40)
        {
            error = $"'{text}' is not a certificate thumbprint: give the SHA-256 (64 hex digits) or SHA-1 (40 hex digits) thumbprint, with or without colons.";
            return false;
        }

        thumbprint = new CertificateThumbprint(hex.ToString());
        return true;
    }

    /// <summary>Parses a thumbprint or throws ArgumentException with the reason.</summary>
    public static CertificateThumbprint Parse(string text) =>
        TryParse(text, out CertificateThumbprint? thumbprint, out string error) ? thumbprint! : throw new ArgumentException(error, nameof(text));

    /// <summary>True when the certificate's SHA-256 or SHA-1 thumbprint (whichever this is) equals this one.</summary>
    public bool Matches(X509Certificate certificate)
    {
        byte[] raw = certificate.GetRawCertData();
        string actual = Hex.Length == 64 ? HexOf(Sha256(raw)) : HexOf(Sha1(raw));
        return string.Equals(actual, Hex, StringComparison.Ordinal);
    }

    /// <summary>SHA-256 thumbprint of a certificate in colon hex (44:8F:...).</summary>
    public static string Sha256Of(X509Certificate certificate) => ColonHex(Sha256(certificate.GetRawCertData()));

    /// <summary>SHA-1 thumbprint of a certificate in colon hex (2C:11:...), the form PowerCLI and govc show.</summary>
    public static string Sha1Of(X509Certificate certificate) => ColonHex(Sha1(certificate.GetRawCertData()));

    /// <inheritdoc />
    public override string ToString() => Hex;

    private static byte[] Sha256(byte[] data)
    {
        using SHA256 sha = SHA256.Create();
        return sha.ComputeHash(data);
    }

    private static byte[] Sha1(byte[] data)
    {
        // Not for security: PowerCLI and govc pin certificates by SHA-1 thumbprint, so users have those at hand.
#pragma warning disable CA5350
        using SHA1 sha = SHA1.Create();
#pragma warning restore CA5350
        return sha.ComputeHash(data);
    }

    private static string HexOf(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (byte b in bytes)
        {
            text.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string ColonHex(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (byte b in bytes)
        {
            if (text.Length > 0)
            {
                text.Append(':');
            }

            text.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
