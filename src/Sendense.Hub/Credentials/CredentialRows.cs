using Sendense.Core.Credentials;

namespace Sendense.Hub.Credentials;

/// <summary>A listed row, as Dapper reads it (numbers come CAST AS SIGNED, so they are longs).</summary>
internal sealed class CredentialRow
{
    public long Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string VCenter { get; set; } = string.Empty;
    public string UserName { get; set; } = string.Empty;
    public string Datacenter { get; set; } = string.Empty;
    public long IsActive { get; set; }
    public long IsDefault { get; set; }
    public long PasswordStorage { get; set; }
    public DateTime? CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? LastUsed { get; set; }
    public long UsageCount { get; set; }

    public Sendense.VCenterCredential ToCredential() => new Sendense.VCenterCredential
    {
        Id = checked((int)Id),
        Name = Name,
        VCenter = VCenter,
        UserName = UserName,
        Datacenter = Datacenter,
        IsActive = IsActive != 0,
        IsDefault = IsDefault != 0,
        PasswordStorage = (Sendense.VCenterCredentialPasswordStorage)PasswordStorage,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        CreatedBy = CreatedBy,
        LastUsed = LastUsed,
        UsageCount = checked((int)UsageCount),
    };
}

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
