namespace Sendense;

/// <summary>A backup policy of the hub (a row of backup_policies), read only. The hub's engine does not apply it to flows yet.</summary>
public sealed class BackupPolicy
{
    /// <summary>The policy id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The name, unique in the hub.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>enabled (NULL reads as false).</summary>
    public bool Enabled { get; set; }

    /// <summary>primary_repository_id.</summary>
    public string PrimaryRepositoryId { get; set; } = string.Empty;

    /// <summary>The primary repository's name.</summary>
    public string? PrimaryRepositoryName { get; set; }

    /// <summary>retention_days.</summary>
    public int RetentionDays { get; set; }

    /// <summary>created_at (hub server time).</summary>
    public DateTime? CreatedAt { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
