namespace Sendense;

/// <summary>
/// What Initialize-SendenseDatabase found and did: the hub tables the module uses, which it created, and anything
/// an existing hub lacks (a missing column, a NOT NULL where the module writes NULL, a missing unique key).
/// </summary>
public sealed class HubSchemaReport
{
    /// <summary>The hub database server.</summary>
    public string Server { get; set; } = string.Empty;

    /// <summary>The database.</summary>
    public string Database { get; set; } = string.Empty;

    /// <summary>The server's version, e.g. 10.11.19-MariaDB.</summary>
    public string ServerVersion { get; set; } = string.Empty;

    /// <summary>Tables this run created.</summary>
    public string[] CreatedTables { get; set; } = Array.Empty<string>();

    /// <summary>Tables that were already there (left exactly as they were).</summary>
    public string[] ExistingTables { get; set; } = Array.Empty<string>();

    /// <summary>Tables still absent (only with -WhatIf, or when creating was declined).</summary>
    public string[] MissingTables { get; set; } = Array.Empty<string>();

    /// <summary>What existing tables lack for the module, one line each, with the fix where there is one.</summary>
    public string[] Problems { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Privileges the connected user lacks that the module's statements need, one line each ("INSERT on vm_disks"),
    /// found by running harmless statements of each kind (docs/hub-permissions.md lists the grants).
    /// </summary>
    public string[] MissingPrivileges { get; set; } = Array.Empty<string>();

    /// <summary>True when every table exists, nothing is missing and the user may do all the module does.</summary>
    public bool IsReady => MissingTables.Length == 0 && Problems.Length == 0 && MissingPrivileges.Length == 0;

    /// <inheritdoc />
    public override string ToString() => $"{Database}: {(IsReady ? "ready" : "not ready")}";
}
