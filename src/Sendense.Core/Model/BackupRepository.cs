namespace Sendense;

/// <summary>A backup repository of the hub (a row of backup_repositories), read only: where a backup flow writes.</summary>
public sealed class BackupRepository
{
    /// <summary>The repository id (e.g. repo-local-1759780081).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The name, unique in the hub.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>repository_type: local, nfs, cifs, smb, s3 or azure.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>enabled (NULL reads as false). A new flow needs an enabled repository.</summary>
    public bool Enabled { get; set; }

    /// <summary>is_immutable.</summary>
    public bool IsImmutable { get; set; }

    /// <summary>total_size_bytes as the hub last measured it.</summary>
    public long TotalSizeBytes { get; set; }

    /// <summary>used_size_bytes.</summary>
    public long UsedSizeBytes { get; set; }

    /// <summary>available_size_bytes.</summary>
    public long AvailableSizeBytes { get; set; }

    /// <summary>When the hub last measured the sizes; null if never.</summary>
    public DateTime? LastCheckAt { get; set; }

    /// <summary>Protection flows that write to it.</summary>
    public int FlowCount { get; set; }

    /// <summary>created_at (hub server time).</summary>
    public DateTime? CreatedAt { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
