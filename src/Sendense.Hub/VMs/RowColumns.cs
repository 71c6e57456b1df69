namespace Sendense.Hub.VMs;

/// <summary>
/// One column of a multi-row INSERT and how a row's value is written into it. A table's columns are listed once, as an
/// array of these, and the column list and every row's values are generated from that one array, so a column and
/// its value can never drift apart.
/// </summary>
/// <typeparam name="T">The row being written.</typeparam>
internal sealed class RowColumn<T>
{
    private readonly Action<SqlText, T> _write;

    internal RowColumn(string name, Action<SqlText, T> write)
    {
        Name = name;
        _write = write;
    }

    /// <summary>The column's name.</summary>
    internal string Name { get; }

    /// <summary>Appends the row's value.</summary>
    internal void Write(SqlText sql, T row) => _write(sql, row);
}

/// <summary>Writes multi-row statements from <see cref="RowColumn{T}"/> lists.</summary>
internal static class RowColumns
{
    /// <summary>A column whose value comes from the row.</summary>
    internal static RowColumn<T> Of<T>(string name, Action<SqlText, T> write) => new RowColumn<T>(name, write);

    /// <summary>A column every row of this module writes with the same SQL (a constant upstream writes too).</summary>
    internal static RowColumn<T> Fixed<T>(string name, string sql) => new RowColumn<T>(name, (text, _) => text.Sql(sql));

    /// <summary>"(a, b, c)": the column list.</summary>
    internal static string List<T>(IReadOnlyList<RowColumn<T>> columns) => "(" + string.Join(", ", columns.Select(c => c.Name)) + ")";

    /// <summary>Appends "INSERT INTO table (columns) VALUES (...),\n(...);\n" for the rows; nothing when there are none.</summary>
    internal static void Insert<T>(SqlText sql, string table, IReadOnlyList<RowColumn<T>> columns, IEnumerable<T> rows)
    {
        bool first = true;
        foreach (T row in rows)
        {
            sql.Sql(first ? $"INSERT INTO {table} {List(columns)} VALUES (" : ",\n(");
            for (int i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    sql.Sql(", ");
                }

                columns[i].Write(sql, row);
            }

            sql.Sql(")");
            first = false;
        }

        if (!first)
        {
            sql.Sql(";\n");
        }
    }
}
