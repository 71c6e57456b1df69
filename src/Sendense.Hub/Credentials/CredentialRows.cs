using Sendense.Core.Credentials;

namespace Sendense.Hub.Credentials;

/// <summary>The values a write sends, named as CredentialSql's parameters: the one mapping of the row's columns.</summary>
internal static class CredentialParameters
{
    internal static object Of(long id, VCenterCredentialValues values, string? stored) => new
    {
        Id = id,
        values.Name,
        values.VCenter,
        values.UserName,
        values.Datacenter,
        values.IsActive,
        values.IsDefault,
        values.CreatedBy,
        Stored = stored,
    };
}

/// <summary>A stored password with the name of its credential, for trying a key on it.</summary>
internal sealed class StoredPasswordRow
{
    public string Name { get; set; } = string.Empty;
    public string Stored { get; set; } = string.Empty;

    // Never let a debugger display, a log line or an exception message show the stored value.
    public override string ToString() => Name;
}

/// <summary>A row read to log in with: the stored password value travels only here, never into a public object.</summary>
internal sealed class CredentialSecretRow
{
    public long Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string VCenter { get; set; } = string.Empty;
    public string UserName { get; set; } = string.Empty;
    public string Datacenter { get; set; } = string.Empty;
    public long IsActive { get; set; }
    public string Stored { get; set; } = string.Empty;

    // Never let a debugger display, a log line or an exception message show the stored value.
    public override string ToString() => Name;
}
