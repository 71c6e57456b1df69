namespace Sendense.Hub.Schema;

/// <summary>One hub table the module uses: its upstream DDL and the columns the module reads or writes.</summary>
internal sealed class HubTableDefinition
{
    internal HubTableDefinition(string name, string resource, string[] requiredColumns, string[]? nullableColumns = null, string[]? uniqueKeys = null,
        bool writes = false)
    {
        Writes = writes;
        Name = name;
        Resource = resource;
        RequiredColumns = requiredColumns;
        NullableColumns = nullableColumns ?? Array.Empty<string>();
        UniqueKeys = uniqueKeys ?? Array.Empty<string>();
    }

    /// <summary>Table name.</summary>
    internal string Name { get; }

    /// <summary>Embedded resource file holding its CREATE TABLE IF NOT EXISTS statement.</summary>
    internal string Resource { get; }

    /// <summary>Columns the module's statements name.</summary>
    internal IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Columns the module writes NULL into, so they must allow it.</summary>
    internal IReadOnlyList<string> NullableColumns { get; }

    /// <summary>Unique keys the module relies on to keep concurrent writers from creating duplicates.</summary>
    internal IReadOnlyList<string> UniqueKeys { get; }

    /// <summary>Whether the module inserts, updates or deletes rows (else it only reads them).</summary>
    internal bool Writes { get; }

    /// <summary>The DDL text.</summary>
    internal string ReadDdl()
    {
        using Stream stream = typeof(HubTableDefinition).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The module lacks its schema resource {Resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
