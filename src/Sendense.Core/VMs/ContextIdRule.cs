using System.Security.Cryptography;

namespace Sendense.Core.VMs;

/// <summary>
/// How a new VM context gets its id. Upstream writes <c>ctx-&lt;vm_name&gt;-&lt;yyyyMMdd-HHmmss&gt;</c> (the hub's local
/// clock); that overflows the 64-character primary key for names longer than 44 characters (error 1406) and
/// collides when two VMs of the same name (on two vCenters, or differing only in case, which the column's
/// collation ignores) are added in the same second. The plain form is kept whenever it fits and is free; otherwise
/// the name is shortened and a short suffix derived from the VM's identity (vCenter + BIOS uuid) is added, so the
/// id is still recognisable, never longer than 64 characters, and the same VM always gets the same suffix.
/// <para>
/// A VM's name is stored as vCenter has it, but a context id is a key people copy, type and log, and the hub's GUI
/// and engine pass it around in URLs and file names: control characters (NUL, CR, LF, TAB...) and the invisible or
/// bidirectional format characters of <see cref="DisplayName"/> never enter it; each becomes an underscore.
/// </para>
/// </summary>
public static class ContextIdRule
{
    /// <summary>Length of vm_replication_contexts.context_id (VARCHAR(64), counted in characters).</summary>
    public const int MaxLength = 64;

    /// <summary>Number of hex digits of the identity suffix.</summary>
    public const int SuffixLength = 8;

    private const string Prefix = "ctx-";
    private const string StampFormat = "yyyyMMdd-HHmmss";

    // One hasher per thread (an instance is not thread-safe): creating one per id cost a native context and a
    // finalizer each; a 10,000-VM add derives 20,000 ids.
    [ThreadStatic]
    private static SHA256? _sha256;

    // "ctx-" + name + "-" + suffix + "-" + stamp, within 64 characters.
    private const int ShortenedNameLength = MaxLength - 4 - 1 - SuffixLength - 1 - 15;

    /// <summary>The time part of a context id, from the database server's clock.</summary>
    public static string Stamp(DateTime databaseNow) => databaseNow.ToString(StampFormat, CultureInfo.InvariantCulture);

    /// <summary>The upstream form, or null when it would be longer than 64 characters.</summary>
    public static string? Plain(string vmName, string stamp)
    {
        string id = Prefix + IdPart(vmName) + "-" + stamp;
        return HubText.CodePointLength(id) <= MaxLength ? id : null;
    }

    /// <summary>The form with the identity suffix: <c>ctx-&lt;name, at most 35 characters&gt;-&lt;8 hex&gt;-&lt;stamp&gt;</c>.</summary>
    public static string WithSuffix(string vmName, string vcenterHost, string biosUuid, string stamp) =>
        Prefix + HubText.TruncateCodePoints(IdPart(vmName), ShortenedNameLength) + "-" + IdentitySuffix(vcenterHost, biosUuid) + "-" + stamp;

    /// <summary>The name as it may appear in an id: unprintable characters replaced by underscores.</summary>
    public static string IdPart(string vmName)
    {
        if (vmName is null)
        {
            throw new ArgumentNullException(nameof(vmName));
        }

        if (!vmName.Any(DisplayName.IsUnprintable))
        {
            return vmName;
        }

        var text = new StringBuilder(vmName.Length);
        for (int i = 0; i < vmName.Length; i++)
        {
            char c = vmName[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < vmName.Length && char.IsLowSurrogate(vmName[i + 1]);
            if (pair)
            {
                text.Append(c).Append(vmName[++i]);
            }
            else
            {
                text.Append(DisplayName.IsUnprintable(c) ? '_' : c);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Eight hex digits of SHA-256 over the identity, case-folded like the hub's collation compares it, so the
    /// suffix does not depend on how the vCenter name was typed.
    /// </summary>
    public static string IdentitySuffix(string vcenterHost, string biosUuid)
    {
        string identity = vcenterHost.Trim().ToUpperInvariant() + "\n" + biosUuid.Trim().ToUpperInvariant();
        byte[] hash = (_sha256 ??= SHA256.Create()).ComputeHash(Encoding.UTF8.GetBytes(identity));
        var text = new StringBuilder(SuffixLength);
        for (int i = 0; i < SuffixLength / 2; i++)
        {
            text.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
