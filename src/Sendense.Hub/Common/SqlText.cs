using MySqlConnector;

namespace Sendense.Hub.Common;

/// <summary>
/// Builds one (multi-statement) command: SQL text plus its parameters. A text value that could need escaping travels
/// as a parameter and the driver escapes it for the session's sql_mode. (The module once escaped the bulk statements'
/// literals itself; measured on the same 10,000-VM add that was only 1.17x faster end to end, below the 1.5x that
/// would pay for owning escaping code, so the driver does it: docs/benchmarks.md.) Numbers, NULL, our own timestamp
/// formats and text made only of characters no quoting mode treats specially (see <see cref="PlainText"/>) go inline:
/// nothing in them is escaped or changed, so no escaping code is owned, and the bulk add does not pay the driver's
/// per-parameter cost for the VM names, ids and paths that almost always are plain.
/// <para>
/// Two kinds of placeholder, one per command (the driver refuses a mix): <see cref="Parameter"/> names one, for
/// statements that use a value in several places or build their text out of order; <see cref="Value(string)"/> is
/// positional ("?", bound in the order the text is written), for the bulk statements. A 1,000-VM batch carries about
/// 21,000 text values: named, each costs the driver a name string, a lookup in a case-insensitive dictionary and a
/// substring of the SQL per placeholder, which made the 10,000-VM add use twice the CPU and allocations of the old
/// literals; positional, the driver still allocates and binds a parameter object per value (135 ms of CPU per
/// 210,000 values against 52 ms inline, docs/benchmarks.md), hence the plain-text path.
/// </para>
/// </summary>
internal sealed class SqlText
{
    private readonly StringBuilder _text = new StringBuilder(4096);
    private readonly MySqlCommand _command;
    private int _next;
    private bool _positional;

    internal SqlText(MySqlCommand command) => _command = command;

    /// <summary>Appends SQL written by this module (never user data).</summary>
    internal SqlText Sql(string sql)
    {
        _text.Append(sql);
        return this;
    }

    /// <summary>Adds a named parameter and returns its placeholder, for use in one or several places.</summary>
    internal string Parameter(object? value)
    {
        ThrowIfMixed(positional: false);
        string name = "@p" + _next.ToString(CultureInfo.InvariantCulture);
        _next++;
        _command.Parameters.Add(new MySqlParameter(name, value ?? DBNull.Value));
        return name;
    }

    /// <summary>
    /// Appends a string value (or NULL): inline when it is plain text, else as a positional parameter, bound in the order
    /// the text is written.
    /// </summary>
    internal SqlText Value(string? value)
    {
        if (value is null)
        {
            _text.Append("NULL");
            return this;
        }

        if (PlainText.Is(value))
        {
            _text.Append('\'').Append(value).Append('\'');
            return this;
        }

        ThrowIfMixed(positional: true);
        _positional = true;
        _command.Parameters.Add(TextParameter.Of(value));
        _text.Append('?');
        return this;
    }

    /// <summary>Appends an integer value (or NULL). Integers need no escaping, so they are always inline.</summary>
    internal SqlText Value(long? value)
    {
        _text.Append(value.HasValue ? value.Value.ToString(CultureInfo.InvariantCulture) : "NULL");
        return this;
    }

    /// <summary>Appends a DATETIME value with milliseconds (inline: the format is ours).</summary>
    internal SqlText Value(DateTime value)
    {
        _text.Append('\'').Append(value.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append('\'');
        return this;
    }

    /// <summary>Appends a TIMESTAMP(0) value: whole seconds (inline).</summary>
    internal SqlText Seconds(DateTime value)
    {
        _text.Append('\'').Append(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append('\'');
        return this;
    }

    private void ThrowIfMixed(bool positional)
    {
        if (_command.Parameters.Count > 0 && _positional != positional)
        {
            throw new InvalidOperationException("One command takes either named or positional parameters, not both.");
        }
    }

    /// <summary>Writes the text into the command.</summary>
    internal MySqlCommand Build()
    {
        _command.CommandText = _text.ToString();
        return _command;
    }
}
